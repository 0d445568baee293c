import { z } from 'zod';

/** What the browser-host client sends over the WebSocket: one KioskApi call with its id. */
export const clientMessageSchema = z
  .object({
    id: z.number().int().nonnegative(),
    call: z.string().min(1).max(100),
    payload: z.unknown(),
  })
  .strict();

export type ClientMessage = z.infer<typeof clientMessageSchema>;
