import type { z } from 'zod';

/**
 * One KioskApi call: the zod schema main validates the payload with, and (as a type only) what a
 * successful call returns. The value type rides along as a phantom so the renderer gets it without
 * any runtime cost.
 */
export interface CallSpec<P extends z.ZodType, V> {
  payload: P;
  readonly __value?: V;
}

export function defineCall<V>() {
  return <P extends z.ZodType>(payload: P): CallSpec<P, V> => ({ payload });
}

/** One event from core to renderer; the payload type is a phantom, like a call's value. */
export interface EventSpec<T> {
  readonly __payload?: T;
}

export function defineEvent<T>(): EventSpec<T> {
  return {};
}
