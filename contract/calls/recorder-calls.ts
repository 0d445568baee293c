import { z } from 'zod';
import { defineCall } from '../define';
import { localeCode } from '../elder';

/**
 * The staff recorder (issue 7, item 6): staff record real dialect audio for any prompt key in any
 * locale into the station's override pack, and carry a pack to another station as one file. Every
 * call needs a signed-in staff session.
 */

export interface RecorderPrompt {
  /** "ns:key", or a bare key in the default namespace (the key speech.say takes) */
  key: string;
  /** the whole line in this locale, with its {{slots}} as written */
  text: string;
  /** the fixed text between slots, each recorded as its own clip, and whether it is recorded */
  pieces: { text: string; recorded: boolean }[];
}

export interface RecorderPrompts {
  locale: string;
  /** the locales this station can record for */
  locales: string[];
  prompts: RecorderPrompt[];
}

/** The audio types MediaRecorder makes (Chromium: webm/opus; Firefox: ogg) and plain WAV. */
export const clipMimes = ['audio/webm', 'audio/ogg', 'audio/wav'] as const;
export type ClipMime = (typeof clipMimes)[number];

/** 2 MB of audio: over a minute of speech as webm/opus, far more than one prompt needs. */
export const MAX_CLIP_BYTES = 2 * 1024 * 1024;
/** A whole pack file (JSON with base64 clips), as text. */
export const MAX_PACK_FILE_CHARS = 30 * 1024 * 1024;

const promptKey = z.string().min(1).max(200);

export const recorderCalls = {
  /** every prompt key with its text in `locale` and which of its pieces have a clip */
  'recorder.prompts': defineCall<RecorderPrompts>()(z.object({ locale: localeCode }).strict()),
  /** saves one recording as the clip for piece `index` of `key` in `locale` (the station's pack) */
  'recorder.saveClip': defineCall<RecorderPrompt>()(
    z
      .object({
        locale: localeCode,
        key: promptKey,
        index: z.number().int().min(0).max(20).default(0),
        /** the recording's type as MediaRecorder reports it; codec parameters are allowed */
        mime: z
          .string()
          .max(100)
          .transform((m) => m.split(';')[0]?.trim().toLowerCase() ?? '')
          .pipe(z.enum(clipMimes, { message: `expected one of ${clipMimes.join(', ')}` })),
        audio: z
          .base64()
          .min(1, 'the recording is empty')
          .max(Math.ceil((MAX_CLIP_BYTES * 4) / 3) + 4, 'the recording is over 2 MB'),
      })
      .strict(),
  ),
  /** the station's pack for `locale` as one file (JSON text), to download */
  'recorder.exportPack': defineCall<{
    filename: string;
    content: string;
    clips: number;
    /** prompts left out because some piece of them is not recorded yet */
    skipped: string[];
  }>()(z.object({ locale: localeCode }).strict()),
  /** a pack file (the text of an exported file); checked whole before anything is written */
  'recorder.importPack': defineCall<{ locale: string; clips: number }>()(
    z.object({ content: z.string().min(1).max(MAX_PACK_FILE_CHARS) }).strict(),
  ),
};
