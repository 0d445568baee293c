import { describe, expect, it } from 'vitest';

// health-format lives in the renderer's TypeScript project, which the node project that checks
// tests/ may not import from (TS6307): loaded by a computed specifier, typed here by shape.
type AgeUnit = 'seconds' | 'minutes' | 'hours' | 'days';
const MODULE = ['..', '..', '..', 'renderer', 'staff', 'health-format'].join('/');
const { ageIn, shortTime } = (await import(MODULE)) as {
  ageIn: (seconds: number) => { unit: AgeUnit; n: number };
  shortTime: (iso: string) => string;
};

describe('health tab formats', () => {
  it('an age is given in the largest whole unit, rounded down', () => {
    expect(ageIn(0)).toEqual({ unit: 'seconds', n: 0 });
    expect(ageIn(59.9)).toEqual({ unit: 'seconds', n: 59 });
    expect(ageIn(60)).toEqual({ unit: 'minutes', n: 1 });
    expect(ageIn(3599)).toEqual({ unit: 'minutes', n: 59 });
    expect(ageIn(3600)).toEqual({ unit: 'hours', n: 1 });
    expect(ageIn(86_399)).toEqual({ unit: 'hours', n: 23 });
    expect(ageIn(3 * 86_400 + 5)).toEqual({ unit: 'days', n: 3 });
    expect(ageIn(-4)).toEqual({ unit: 'seconds', n: 0 });
  });

  it('a station time is shown as date and time, without the offset', () => {
    expect(shortTime('2026-11-23T10:04:05.123+08:00')).toBe('2026-11-23 10:04:05');
  });
});
