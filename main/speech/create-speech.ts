import { join } from 'node:path';
import type { SpeechLogEntry } from '../../contract/calls/speech-calls';
import { createEspeakEngine } from './espeak-engine';
import { createPromptTexts } from './prompt-text';
import { createSherpaOnnxEngine, type SherpaTtsConfig } from './sherpa-onnx-engine';
import { SpeechLog } from './speech-log';
import { SpeechService } from './speech-service';
import type { TtsEngine } from './tts-engine';
import { createVoicePacks } from './voice-pack';

export interface SpeechOptions {
  /** the repository's (or the packaged app's) locales/ directory */
  localesDir: string;
  /** the station's data dir; its voice-packs/<lng>/ overrides the shipped packs */
  dataDir?: string;
  defaultLocale: string;
  /** the station's rate and volume (config speech.rate / speech.volume) */
  defaultRate?: number;
  defaultVolume?: number;
  /** a neural TTS model; without one, espeak-ng is the only offline TTS */
  sherpaOnnx?: SherpaTtsConfig;
  espeakCommand?: string;
  /** each spoken line, for the core's log */
  onLine?: (entry: SpeechLogEntry) => void;
  warn?: (line: string) => void;
}

/** Where a station's recorded clips live: the staff recorder writes here, the chain reads here first. */
export const overrideDirOf = (dataDir: string): string => join(dataDir, 'voice-packs');

/** The speech service with the default engine chain, for the core to build once at start. */
export function createSpeech(options: SpeechOptions): SpeechService {
  const engines: TtsEngine[] = [
    ...(options.sherpaOnnx ? [createSherpaOnnxEngine(options.sherpaOnnx)] : []),
    createEspeakEngine(options.espeakCommand ? { command: options.espeakCommand } : {}),
  ];
  return new SpeechService({
    texts: createPromptTexts(options.localesDir),
    packs: createVoicePacks({
      localesDir: options.localesDir,
      ...(options.dataDir ? { overrideDir: overrideDirOf(options.dataDir) } : {}),
      ...(options.warn ? { warn: options.warn } : {}),
    }),
    engines,
    log: new SpeechLog(200, options.onLine),
    defaultLocale: options.defaultLocale,
    ...(options.defaultRate !== undefined ? { defaultRate: options.defaultRate } : {}),
    ...(options.defaultVolume !== undefined ? { defaultVolume: options.defaultVolume } : {}),
    ...(options.warn ? { warn: options.warn } : {}),
  });
}
