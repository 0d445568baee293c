import { z } from 'zod';
import { defineCall } from '../define';
import { localeCode } from '../elder';

/** Who produced a piece of audio: a recorded clip (pack or station override) or an offline TTS in the core. */
export type AudioEngine = 'clip' | 'sherpa-onnx' | 'espeak-ng';

/**
 * The engine named for a line the core made no audio for: the renderer's speechSynthesis is asked
 * to say `fallback` (it may have no voice for the language; the caption shows the line anyway).
 */
export const SPEECH_SYNTHESIS_FALLBACK = 'speechSynthesis';

/** How the items of a list slot are joined: 、 (a plain enumeration), ， or ； in Chinese. */
export type ListJoin = 'enumeration' | 'comma' | 'semicolon';

/**
 * A value for a prompt's {{slot}}. Numbers are read by the slot's format (`{{amount, money}}` takes
 * fen); strings are data said as written (a name, a dish); `{ key }` is another prompt line, resolved
 * in the same locale as the line it sits in, so a Wu line's 送到屋里 is a Wu piece a pack can record,
 * never a Mandarin string; `{ list }` is several values one after another.
 */
export type SpeechParam =
  | string
  | number
  | { key: string; params?: SpeechParams }
  | { list: SpeechParam[]; join?: ListJoin };

export type SpeechParams = { [slot: string]: SpeechParam };

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
  /**
   * the engines used, in order, joined by '+' ('clip', 'clip+espeak-ng', 'espeak-ng'), or
   * 'speechSynthesis' when the core made no audio and the renderer's speechSynthesis is asked
   */
  engine: string;
  /**
   * When no segment could be made: what the renderer's speechSynthesis should say, in which BCP 47
   * language (a Wu line falls back to its Mandarin text, zh-CN). null when segments carry the line.
   */
  fallback: { text: string; lang: string } | null;
  /** 0–1, applied by the renderer's audio element */
  volume: number;
  /** the rate the line was made at (the elder's, or the station's when the request named none) */
  rate: number;
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

/** Nested lines and lists go at most this deep, and a line holds at most this many values. */
export const MAX_PARAM_DEPTH = 4;
export const MAX_PARAM_VALUES = 200;

const listJoin = z.enum(['enumeration', 'comma', 'semicolon']);
const speechParam: z.ZodType<SpeechParam> = z.lazy(() =>
  z.union([
    z.string().max(200),
    z.number().finite(),
    z.object({ key: z.string().min(1).max(200), params: speechParams.optional() }).strict(),
    z.object({ list: z.array(speechParam).max(50), join: listJoin.optional() }).strict(),
  ]),
);
const speechParams: z.ZodType<SpeechParams> = z.lazy(() => z.record(z.string(), speechParam));

/** How deep the nesting goes and how many values there are in all (a runaway payload is refused). */
export function paramShape(params: SpeechParams): { depth: number; values: number } {
  let values = 0;
  const walk = (p: SpeechParam, depth: number): number => {
    values += 1;
    if (typeof p !== 'object') return depth;
    const children = 'list' in p ? p.list : Object.values(p.params ?? {});
    return Math.max(depth, ...children.map((c) => walk(c, depth + 1)));
  };
  const depth = Math.max(0, ...Object.values(params).map((p) => walk(p, 1)));
  return { depth, values };
}

const sayPayload = z
  .object({
    /** a prompt key in locales/<lng>/*.json ("greeting.hello" or "ns:key") */
    key: z.string().min(1).max(200).optional(),
    /** or a literal line (e.g. a dish name), spoken by TTS */
    text: z.string().min(1).max(500).optional(),
    /**
     * interpolation values; `{{amount, money}}` in the template reads a number of fen as 元角分,
     * `{ key }` values are nested lines, `{ list }` values several in a row
     */
    params: speechParams
      .refine((p) => paramShape(p).depth <= MAX_PARAM_DEPTH, {
        message: `params nest deeper than ${MAX_PARAM_DEPTH} levels`,
      })
      .refine((p) => paramShape(p).values <= MAX_PARAM_VALUES, {
        message: `params hold more than ${MAX_PARAM_VALUES} values`,
      })
      .optional(),
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
