import type { z } from 'zod';
import { PlatformError } from '../platform-error';

export interface PlatformContext {
  adminToken: string;
  now: () => number;
}

/** Parses a request body with a contract schema, turning zod's issues into a 400 the caller can read. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new PlatformError(
      400,
      'bad-request',
      `the request body is invalid: ${parsed.error.issues
        .slice(0, 10)
        .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}
