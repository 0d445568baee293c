import type { z } from 'zod';
import { callSpecs, type CallName, type CallValue } from '../../contract/kiosk-api';
import { fail, ok, type Result } from '../../contract/result';

type ParsedPayload<N extends CallName> = z.output<(typeof callSpecs)[N]['payload']>;

/** One function per call: receives the validated payload, returns the value or throws ApiRefusal. */
export type Handlers = {
  [N in CallName]: (payload: ParsedPayload<N>) => CallValue<N> | Promise<CallValue<N>>;
};

/** Thrown by a handler for an expected refusal; becomes `{ok:false}` with that code and message. */
export class ApiRefusal extends Error {
  constructor(
    readonly code: 'not-found' | 'refused' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

export type Dispatch = (name: string, payload: unknown) => Promise<Result<unknown>>;

function isCallName(name: string): name is CallName {
  return Object.hasOwn(callSpecs, name);
}

/**
 * Validates every payload with the call's zod schema and answers in the `{ok, value | error}`
 * envelope. A bad payload gets a typed `bad-request` error listing the fields; a handler's bug
 * is logged here and answered as `internal`, never crashing the core.
 */
export function createDispatch(
  handlers: Handlers,
  log: (line: string) => void = () => undefined,
): Dispatch {
  return async (name, payload) => {
    if (typeof name !== 'string' || !isCallName(name))
      return fail('unknown-call', `no KioskApi call named '${String(name)}'`);
    const parsed = callSpecs[name].payload.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.join('.') || '(payload)',
        message: i.message,
      }));
      return fail('bad-request', `invalid payload for ${name}`, issues);
    }
    try {
      const handler = handlers[name] as (p: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ApiRefusal) return fail(error.code, error.message);
      log(
        `call ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return fail('internal', `${name} failed inside the kiosk core; see the core log`);
    }
  };
}
