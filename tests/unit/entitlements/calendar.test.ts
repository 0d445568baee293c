import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageInZhousui,
  anniversary,
  formatYmd,
  parseYmd,
} from '../../../main/entitlements/calendar';

const ymd = (s: string) => {
  const d = parseYmd(s);
  if (!d) throw new Error(`bad test date ${s}`);
  return d;
};
const age = (birth: string, on: string) => ageInZhousui(ymd(birth), ymd(on));

describe('age in 周岁', () => {
  it('counts the birthday itself', () => {
    expect(age('1946-06-15', '2026-06-14')).toBe(79);
    expect(age('1946-06-15', '2026-06-15')).toBe(80);
    expect(age('1946-06-15', '2026-06-16')).toBe(80);
  });

  it('turns a year over at new year only for a 1 January birthday', () => {
    expect(age('1946-01-01', '2025-12-31')).toBe(79);
    expect(age('1946-01-01', '2026-01-01')).toBe(80);
    expect(age('1946-12-31', '2026-01-01')).toBe(79);
  });

  it('counts a 29 February birthday on 1 March in common years', () => {
    expect(age('1956-02-29', '2026-02-28')).toBe(69);
    expect(age('1956-02-29', '2026-03-01')).toBe(70);
    // in a leap year the day itself
    expect(age('1944-02-29', '2024-02-28')).toBe(79);
    expect(age('1944-02-29', '2024-02-29')).toBe(80);
    // 2100 is not a leap year (divisible by 100, not by 400)
    expect(age('2000-02-29', '2100-02-28')).toBe(99);
    expect(age('2000-02-29', '2100-03-01')).toBe(100);
  });

  it('reaches 100 on the hundredth birthday', () => {
    expect(age('1926-11-23', '2026-11-22')).toBe(99);
    expect(age('1926-11-23', '2026-11-23')).toBe(100);
  });

  it('is -1 before birth', () => {
    expect(age('2026-06-15', '2026-06-14')).toBe(-1);
  });

  it('rejects dates that do not exist', () => {
    expect(parseYmd('2026-02-29')).toBeNull();
    expect(parseYmd('2024-02-29')).not.toBeNull();
    expect(parseYmd('1900-02-29')).toBeNull();
    expect(parseYmd('2000-02-29')).not.toBeNull();
    expect(parseYmd('2026-13-01')).toBeNull();
    expect(parseYmd('2026-6-1')).toBeNull();
  });

  const dayBefore = (s: string): string => {
    const d = new Date(`${s}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  };
  const dateArb = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2060-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('is n on the n-th anniversary and n − 1 the day before (property)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), (birth, n) => {
        const birthday = formatYmd(anniversary(ymd(birth), n));
        expect(age(birth, birthday)).toBe(n);
        expect(age(birth, dayBefore(birthday))).toBe(n - 1);
      }),
    );
  });

  it('never decreases as the date moves on (property)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (birth, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(age(birth, late)).toBeGreaterThanOrEqual(age(birth, early));
      }),
    );
  });
});
