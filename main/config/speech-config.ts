import { z } from 'zod';

const path = z.string().min(1, 'a file path');

/**
 * The station's voice and its offline speech models (issue 7), all optional. `rate` and `volume`
 * are what every line is said at when no elder is in session, and what an elder's on-screen
 * changes go back to when their session ends (an elder's own prefs apply during their session).
 * The models: `sherpaTts` is a sherpa-onnx VITS
 * voice tried after recorded clips and before espeak-ng; `recognizer` is a sherpa-onnx offline
 * recognizer, and configuring one is what shows 按住说话 on the elder's home screen. docs/voice.md
 * lists published models for Mandarin, Wu, Cantonese and Henan speech.
 */
export const speechConfigSchema = z
  .object({
    /** speaking rate, 1 = the voice's normal speed; the same range speech.say accepts */
    rate: z.number().min(0.5, 'at least 0.5 (half speed)').max(2, 'at most 2 (double speed)'),
    /**
     * loudness of the kiosk's audio element, 0.2–1; not lower, so a typo cannot make the
     * kiosk silent (the quietest on-screen step is 0.2 too)
     */
    volume: z.number().min(0.2, 'at least 0.2, or elders cannot hear it').max(1, 'at most 1'),
    sherpaTts: z
      .object({
        /** the locales this voice speaks, e.g. ["zh-CN"] */
        locales: z.array(z.string().min(2).max(20)).min(1),
        vits: z
          .object({
            model: path,
            tokens: path,
            lexicon: path.optional(),
            dataDir: path.optional(),
            dictDir: path.optional(),
          })
          .strict(),
        ruleFsts: z.string().optional(),
        speakerId: z.number().int().min(0).optional(),
        numThreads: z.number().int().min(1).max(8).optional(),
      })
      .strict(),
    recognizer: z
      .object({
        kind: z.enum(['sense-voice', 'telespeech-ctc', 'dolphin-ctc', 'wenet-ctc', 'paraformer']),
        model: path,
        tokens: path,
        numThreads: z.number().int().min(1).max(8).optional(),
      })
      .strict(),
  })
  .partial()
  .strict();

export type SpeechConfig = z.infer<typeof speechConfigSchema>;
