import { z } from 'zod';
import { devicesConfigSchema, type deviceConfigSchema } from './device-config';
import { mealsConfigSchema, type MealsConfig } from '../ordering/meals-config';
import { speechConfigSchema, type SpeechConfig } from './speech-config';

/** The station config file (DESIGN.md). Every section is optional; what is missing takes defaults. */
export const stationConfigSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(80),
    district: z.string().min(1).max(80),
    policyPack: z.string().min(1).max(64),
    defaultLocale: z.string().min(2).max(20),
  })
  .strict();

export const platformConfigSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    deviceId: z.string().min(1),
    secret: z.string().min(16, 'the device secret from kioskctl enrol or POST /v1/admin/devices'),
  })
  .strict();

export const timeoutsConfigSchema = z
  .object({
    /** how long the greeting stays before home appears */
    greetingSeconds: z.number().min(0.5).max(30),
    /** how long an elder session may sit idle before it ends */
    sessionIdleSeconds: z.number().int().min(15).max(600),
    /** how long an unknown-card message stays before idle returns */
    messageSeconds: z.number().min(2).max(60),
  })
  .strict();

export const windowConfigSchema = z
  .object({
    kiosk: z.boolean(),
    fullscreen: z.boolean(),
  })
  .strict();

export const configFileSchema = z
  .object({
    station: stationConfigSchema.partial().strict(),
    devices: devicesConfigSchema,
    platform: platformConfigSchema,
    timeouts: timeoutsConfigSchema.partial().strict(),
    window: windowConfigSchema.partial().strict(),
    /** 助餐 prices by tier (main/ordering/meals-config.ts); absent: the Nanxun demo tiers */
    meals: mealsConfigSchema,
    /** offline speech models: a sherpa-onnx voice and a recognizer for 按住说话 */
    speech: speechConfigSchema,
  })
  .partial()
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;

/** The config after defaults are filled in: what the rest of the core reads. */
export interface KioskConfig {
  station: z.infer<typeof stationConfigSchema>;
  devices: z.infer<typeof deviceConfigSchema>[];
  platform: z.infer<typeof platformConfigSchema> | null;
  timeouts: z.infer<typeof timeoutsConfigSchema>;
  window: z.infer<typeof windowConfigSchema>;
  meals?: MealsConfig;
  speech?: SpeechConfig;
}
