/** Which engine produced a piece of audio: a recorded clip or an offline TTS in the core. */
export type EngineId = 'clip' | 'sherpa-onnx' | 'espeak-ng';

export interface SynthesisRequest {
  /** the text in the language the voice speaks (Mandarin characters, or written Cantonese) */
  text: string;
  /** the locale whose voice to use: 'zh-CN', 'yue', 'en' */
  voiceLocale: string;
  /** 1 = the engine's normal speed; 0.5–2 */
  rate: number;
  /** people's names in the text, read with surname pronunciations where the engine can */
  names?: string[];
}

export interface SynthesizedAudio {
  wav: Buffer;
  engine: EngineId;
  /** the engine's own voice name, for the log and the cache key */
  voice: string;
}

/** An offline TTS the core runs. `synthesize` answers null when it has no voice for the locale. */
export interface TtsEngine {
  readonly id: Exclude<EngineId, 'clip'>;
  voiceFor(voiceLocale: string): string | null;
  synthesize(request: SynthesisRequest): Promise<SynthesizedAudio | null>;
}
