import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay } from '../../main/devices/backoff';

describe('device reconnect backoff', () => {
  it('starts at 0.5 s and doubles after each failed attempt', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(DEFAULT_BACKOFF, n))).toEqual([
      500, 1000, 2000, 4000, 8000, 16_000,
    ]);
  });

  it('stops growing at the cap (30 s), however many attempts failed', () => {
    expect(backoffDelay(DEFAULT_BACKOFF, 6)).toBe(30_000);
    expect(backoffDelay(DEFAULT_BACKOFF, 1000)).toBe(30_000);
    expect(backoffDelay({ initialMs: 100, maxMs: 400 }, 2)).toBe(400);
    expect(backoffDelay({ initialMs: 100, maxMs: 400 }, 1)).toBe(200);
  });
});
