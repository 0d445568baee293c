import { z } from 'zod';

const path = z.string().min(1, 'a file path');

/**
 * The station's offline speech models (issue 7), both optional. `sherpaTts` is a sherpa-onnx VITS
 * voice tried after recorded clips and before espeak-ng; `recognizer` is a sherpa-onnx offline
 * recognizer, and configuring one is what shows 按住说话 on the elder's home screen. docs/voice.md
 * lists published models for Mandarin, Wu, Cantonese and Henan speech.
 */
export const speechConfigSchema = z
  .object({
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
