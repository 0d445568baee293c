import type { z } from 'zod';
import { elderRecordSchema } from '../../contract/elder';
import type { EngineElder } from './engine';

/**
 * An elder record as the engine accepts it from outside (a kioskctl file): every field may be
 * missing — the items that need it say "ask staff" — but a field that is present must be valid,
 * and an unknown field is refused, because a misspelt "birthdate" would otherwise quietly turn
 * every age rule into "ask staff".
 */
export const engineElderSchema = elderRecordSchema.partial().strict();

/** The first problem, naming the field: "living: Invalid option: expected one of …". */
export function describeElderProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid elder record';
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  const field = issue.path.map(String).join('.') || '(whole record)';
  return `field '${field}': ${issue.message}`;
}

export function parseEngineElder(
  raw: unknown,
): { ok: true; elder: EngineElder } | { ok: false; problem: string } {
  const parsed = engineElderSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, elder: parsed.data }
    : { ok: false, problem: describeElderProblem(parsed.error) };
}
