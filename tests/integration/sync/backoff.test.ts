import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../../main/sync/backoff';
import { ClockOffset } from '../../../main/sync/clock-offset';

describe('backoff, Retry-After and the clock offset', () => {
  it('waits a random time below min(cap, base·2^(n-1)), never more than the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (n, r) => {
          const d = backoffDelay(n, { baseMs: 1000, capMs: 60_000 }, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(Math.min(60_000, 1000 * 2 ** (n - 1)));
        },
      ),
    );
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('learns the offset from a Date header and ignores sub-second jitter', () => {
    const local = Date.parse('2026-11-25T08:00:00Z');
    const clock = new ClockOffset(() => local);
    expect(clock.observe('Mon, 23 Nov 2026 08:00:00 GMT', local - 10, local + 10)).toBe(true);
    expect(Math.abs(clock.now() - Date.parse('2026-11-23T08:00:00.500Z'))).toBeLessThan(50);
    expect(clock.observe('Mon, 23 Nov 2026 08:00:01 GMT', local, local)).toBe(false);
    expect(clock.observe('garbage', local, local)).toBe(false);
  });
});
