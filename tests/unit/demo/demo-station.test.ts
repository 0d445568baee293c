import { describe, expect, it } from 'vitest';
import { elderRecordSchema } from '../../../contract/elder';
import { demoElders } from '../../../main/demo/demo-elders';
import { ageOn } from '../../../main/roster/age';
import { demoStation } from '../../support/station';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';

const today = '2026-11-23';

/** GB 11643 check digit, computed independently of the demo builder. */
function idChecksumOk(id: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, wi, i) => s + wi * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

describe('demo station', () => {
  it('has at least 12 valid elder records, each with a card, and ID numbers that check out', () => {
    expect(demoElders.length).toBeGreaterThanOrEqual(12);
    for (const e of demoElders) {
      expect(elderRecordSchema.safeParse(e).success).toBe(true);
      expect(e.cards.length).toBeGreaterThan(0);
      expect(idChecksumOk(e.idNumber)).toBe(true);
      expect(e.idNumber.slice(6, 14)).toBe(e.birthDate.replaceAll('-', ''));
    }
    const cards = demoElders.flatMap((e) => e.cards);
    expect(new Set(cards).size).toBe(cards.length);
  });

  it('covers the audiences of the Nanxun service list (seed 001)', () => {
    const ages = demoElders.map((e) => ageOn(e.birthDate, today));
    for (const [lo, hi] of [
      [60, 69],
      [70, 79],
      [80, 89],
      [90, 99],
      [100, 200],
    ] as const) {
      expect(ages.some((a) => a >= lo && a <= hi)).toBe(true);
    }
    const has = (pred: (e: (typeof demoElders)[number]) => boolean): boolean =>
      demoElders.some(pred);
    expect(has((e) => e.living === 'alone')).toBe(true);
    expect(has((e) => e.living === 'empty-nest')).toBe(true);
    expect(has((e) => e.living === 'left-behind')).toBe(true);
    expect(has((e) => e.economic === 'dibao')).toBe(true);
    expect(has((e) => e.economic === 'tekun')).toBe(true);
    expect(has((e) => e.economic === 'hardship')).toBe(true);
    for (const level of ['mild', 'moderate', 'severe'] as const)
      expect(has((e) => e.selfCare === level)).toBe(true);
    expect(
      new Set(demoElders.flatMap((e) => (e.disability ? [e.disability.grade] : []))).size,
    ).toBeGreaterThanOrEqual(3);
    expect(has((e) => e.specialFamily)).toBe(true);
    expect(has((e) => e.merit === 'veteran')).toBe(true);
    expect(has((e) => e.birthDate.endsWith('-02-29'))).toBe(true);
  });

  it('seeds a week of lunch and dinner menus and the service catalogue, once', () => {
    const { db } = demoStation();
    const days = db
      .prepare('SELECT date, sitting, count(*) AS n FROM menu_items GROUP BY date, sitting')
      .all() as { n: number }[];
    expect(days).toHaveLength(14);
    expect(days.every((d) => d.n >= 2)).toBe(true);
    const services = (db.prepare('SELECT name FROM services').all() as { name: string }[]).map(
      (s) => s.name,
    );
    expect(services).toEqual(
      expect.arrayContaining([
        '助浴',
        '助洁',
        '助医/陪诊',
        '理发',
        '康复理疗',
        '上门探访',
        '能力评估',
      ]),
    );
    expect(seedDemoStation(db, today)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM elders').get()).toEqual({ n: demoElders.length });
  });
});
