/**
 * Offline speech recognition for 按住说话 through sherpa-onnx, used only when a station configures
 * a model (none can be downloaded in this repository's build, so this adapter is exercised here
 * only against a stand-in module; docs/voice.md lists which published models cover Wu, Cantonese
 * and Henan speech). `sherpa-onnx-node` is loaded lazily by name: it is not a dependency.
 */
export type RecognizerKind =
  'sense-voice' | 'telespeech-ctc' | 'dolphin-ctc' | 'wenet-ctc' | 'paraformer';

export interface SherpaRecognizerConfig {
  kind: RecognizerKind;
  model: string;
  tokens: string;
  numThreads?: number;
}

interface Stream {
  acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
}

/** The part of sherpa-onnx-node's API this adapter uses. */
export interface SherpaAsrModule {
  OfflineRecognizer: new (config: {
    featConfig: { sampleRate: number; featureDim: number };
    modelConfig: Record<string, unknown> & {
      tokens: string;
      numThreads: number;
      provider: 'cpu';
      debug: number;
    };
  }) => {
    createStream(): Stream;
    decode(stream: Stream): void;
    getResult(stream: Stream): { text?: string };
  };
}

export type SherpaAsrLoader = () => Promise<SherpaAsrModule>;

const moduleName = 'sherpa-onnx-node';
const defaultLoader: SherpaAsrLoader = async () =>
  (await import(/* @vite-ignore */ moduleName)) as SherpaAsrModule;

/** The model section of sherpa-onnx's config for each kind (TeleSpeech takes a bare path). */
function modelSection(config: SherpaRecognizerConfig): Record<string, unknown> {
  switch (config.kind) {
    case 'sense-voice':
      return { senseVoice: { model: config.model, language: '', useInverseTextNormalization: 1 } };
    case 'telespeech-ctc':
      return { telespeechCtc: config.model };
    case 'dolphin-ctc':
      return { dolphin: { model: config.model } };
    case 'wenet-ctc':
      return { wenetCtc: { model: config.model } };
    case 'paraformer':
      return { paraformer: { model: config.model } };
  }
}

export interface SpeechRecognizer {
  recognize(samples: Float32Array, sampleRate: number): Promise<string>;
}

export function createSherpaRecognizer(
  config: SherpaRecognizerConfig,
  load: SherpaAsrLoader = defaultLoader,
): SpeechRecognizer {
  let recognizer: Promise<InstanceType<SherpaAsrModule['OfflineRecognizer']>> | null = null;
  return {
    async recognize(samples, sampleRate) {
      // Loaded once, on the first utterance: a model takes seconds and hundreds of MB.
      recognizer ??= load().then(
        (m) =>
          new m.OfflineRecognizer({
            featConfig: { sampleRate: 16_000, featureDim: 80 },
            modelConfig: {
              ...modelSection(config),
              tokens: config.tokens,
              numThreads: config.numThreads ?? 1,
              provider: 'cpu',
              debug: 0,
            },
          }),
      );
      const r = await recognizer;
      const stream = r.createStream();
      stream.acceptWaveform({ samples, sampleRate });
      r.decode(stream);
      return (r.getResult(stream).text ?? '').trim();
    },
  };
}

/** 16-bit little-endian PCM (what the renderer sends) as float samples. */
export function pcm16ToFloat(bytes: Buffer): Float32Array {
  const out = new Float32Array(Math.floor(bytes.length / 2));
  for (let i = 0; i < out.length; i += 1) out[i] = bytes.readInt16LE(i * 2) / 32768;
  return out;
}
