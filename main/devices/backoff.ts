export interface BackoffPolicy {
  /** pause before the first reconnect attempt */
  initialMs: number;
  /** the pause doubles after each failure up to this */
  maxMs: number;
}

/**
 * 0.5 s doubling to 30 s: a reader plugged back in is picked up within a second, while a device
 * that is gone for the day costs two open() calls a minute.
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000 };

/** The pause before reconnect attempt number `attempt` (0 = the first). */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
}
