import { z } from 'zod';
import { defineCall } from '../define';
import { localeCode } from '../elder';

/** Who produced a piece of audio: a recorded clip (pack or station override) or an offline TTS in the core. */
export type AudioEngine = 'clip' | 'sherpa-onnx' | 'espeak-ng';

/** One piece of a spoken line; the renderer plays a line's segments one after another. */
export interface AudioSegment {
  /** a data: URL (audio/wav, audio/webm, …) so it plays the same over IPC and over WebSocket */
  src: string;
  engine: AudioEngine;
  /** clips are played faster or slower for the elder's rate; TTS audio is already made at it */
  playbackRate: number;
}

export interface SpokenLine {
  /** unique per request, so the renderer can tell a new line from a repeat */
  id: string;
  key: string | null;
  /** the locale of the caption (the elder's) */
  locale: string;
  /** exactly the words of the line, for the caption bar */
  caption: string;
  segments: AudioSegment[];
  /** the engines used, in order, joined by '+' ('clip', 'clip+espeak-ng', 'espeak-ng'), or 'none' */
  engine: string;
  /**
   * When no segment could be made: what the renderer's speechSynthesis should say, in which BCP 47
   * language (a Wu line falls back to its Mandarin text, zh-CN). null when segments carry the line.
   */
  fallback: { text: string; lang: string } | null;
  /** 0–1, applied by the renderer's audio element */
  volume: number;
}

export interface SpeechLogEntry {
  at: string;
  lineId: string;
  key: string | null;
  locale: string;
  caption: string;
  engine: string;
  /** request to first audio ready, in the core */
  ms: number;
  /** the rate and volume the line was asked at (the elder's, or the station's) */
  rate: number;
  volume: number;
}

export type VoiceIntent =
  | { intent: 'meals' | 'benefits' | 'staff' | 'back' | 'confirm' | 'cancel' | 'services' }
  | { intent: 'dish'; dish: string };

const paramValue = z.union([z.string().max(200), z.number().finite()]);

const sayPayload = z
  .object({
    /** a prompt key in locales/<lng>/*.json ("greeting.hello" or "ns:key") */
    key: z.string().min(1).max(200).optional(),
    /** or a literal line (e.g. a dish name), spoken by TTS */
    text: z.string().min(1).max(500).optional(),
    /** interpolation values; `{{amount, money}}` in the template reads a number of fen as 元角分 */
    params: z.record(z.string(), paramValue).optional(),
    /** the elder's locale; the station default when absent */
    locale: localeCode.optional(),
    rate: z.number().min(0.5).max(2).optional(),
    volume: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((p) => (p.key === undefined) !== (p.text === undefined), {
    message: 'give exactly one of key or text',
  });

export const speechCalls = {
  /** the audio (clips or TTS) and caption for one line, in the elder's locale */
  'speech.say': defineCall<SpokenLine>()(sayPayload),
  /** the most recent spoken lines and the engine of each, newest last */
  'speech.log': defineCall<SpeechLogEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
  ),
  /** what a recognised utterance asks for, by the locale's grammar and today's dish names */
  'voice.match': defineCall<VoiceIntent | null>()(
    z
      .object({
        text: z.string().max(200),
        locale: localeCode.optional(),
        dishes: z.array(z.string().min(1).max(40)).max(50).optional(),
      })
      .strict(),
  ),
  /** whether 按住说话 can work here: a recognition model is configured at this station */
  'voice.status': defineCall<{ recognition: boolean }>()(z.object({}).strict()),
  /**
   * 按住说话: what the elder said (16-bit mono PCM, base64, at most 15 s) as text and intent.
   * Answers `unavailable` when the station has no recognition model configured.
   */
  'voice.recognize': defineCall<{ text: string; intent: VoiceIntent | null }>()(
    z
      .object({
        pcm16: z.base64().max(1_300_000),
        sampleRate: z.number().int().min(8000).max(48_000),
        locale: localeCode.optional(),
        dishes: z.array(z.string().min(1).max(40)).max(50).optional(),
      })
      .strict(),
  ),
};
