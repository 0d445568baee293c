import type { SynthesisRequest, SynthesizedAudio, TtsEngine } from './tts-engine';
import { encodeWav } from './wav';

/**
 * A neural offline TTS through sherpa-onnx, used only when a station configures a model (no model
 * can be downloaded in this repository's build, so this adapter is exercised here only against a
 * stand-in module; see docs/voice.md). `sherpa-onnx-node` is not a dependency: it ships its native
 * library through npm (sherpa-onnx-linux-x64 etc.) and is installed on stations that use it. It is
 * loaded lazily by name so the kiosk starts without it.
 */
export interface SherpaTtsConfig {
  /** the locales this model speaks, e.g. ['zh-CN'] for a Mandarin VITS model */
  locales: string[];
  vits: { model: string; tokens: string; lexicon?: string; dataDir?: string; dictDir?: string };
  ruleFsts?: string;
  /** speaker id for multi-speaker models */
  speakerId?: number;
  numThreads?: number;
}

/** The part of sherpa-onnx-node's API this adapter uses. */
export interface SherpaOnnxModule {
  OfflineTts: new (config: {
    model: {
      vits: SherpaTtsConfig['vits'];
      numThreads: number;
      provider: 'cpu';
      debug: boolean;
    };
    maxNumSentences: number;
    ruleFsts?: string;
  }) => {
    generate(request: { text: string; sid: number; speed: number }): {
      samples: Float32Array;
      sampleRate: number;
    };
  };
}

export type SherpaLoader = () => Promise<SherpaOnnxModule>;

const moduleName = 'sherpa-onnx-node';
const defaultLoader: SherpaLoader = async () =>
  (await import(/* @vite-ignore */ moduleName)) as SherpaOnnxModule;

export function createSherpaOnnxEngine(
  config: SherpaTtsConfig,
  load: SherpaLoader = defaultLoader,
): TtsEngine {
  let tts: Promise<InstanceType<SherpaOnnxModule['OfflineTts']>> | null = null;
  // Loading a model takes seconds and hundreds of MB: once, on first use, then kept.
  const instance = () => {
    tts ??= load().then(
      (m) =>
        new m.OfflineTts({
          model: {
            vits: config.vits,
            numThreads: config.numThreads ?? 1,
            provider: 'cpu',
            debug: false,
          },
          maxNumSentences: 1,
          ...(config.ruleFsts ? { ruleFsts: config.ruleFsts } : {}),
        }),
    );
    return tts;
  };
  const voice = `vits:${config.vits.model}`;
  return {
    id: 'sherpa-onnx',
    voiceFor: (locale) => (config.locales.includes(locale) ? voice : null),
    async synthesize(request: SynthesisRequest): Promise<SynthesizedAudio | null> {
      if (!config.locales.includes(request.voiceLocale)) return null;
      const audio = (await instance()).generate({
        text: request.text,
        sid: config.speakerId ?? 0,
        speed: request.rate,
      });
      return { wav: encodeWav(audio.samples, audio.sampleRate), engine: 'sherpa-onnx', voice };
    },
  };
}
