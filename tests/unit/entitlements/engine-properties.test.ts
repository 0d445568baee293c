import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEntitlements, type EngineElder } from '../../../main/entitlements/engine';
import { pack } from './fixtures';

const date = fc
  .date({
    min: new Date('1915-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Any elder the roster could send, each field possibly missing. */
const anyElder: fc.Arbitrary<EngineElder> = fc.record(
  {
    birthDate: date,
    gender: fc.constantFrom('male', 'female'),
    hukou: fc.constantFrom('local', 'nonlocal'),
    living: fc.constantFrom('alone', 'empty-nest', 'left-behind', 'with-family'),
    economic: fc.constantFrom('none', 'hardship', 'dibao', 'tekun'),
    selfCare: fc.constantFrom('independent', 'mild', 'moderate', 'severe'),
    disability: fc.option(
      fc.record({
        grade: fc.integer({ min: 1, max: 4 }),
        type: fc.constantFrom(
          'physical',
          'visual',
          'hearing',
          'speech',
          'intellectual',
          'mental',
          'multiple',
        ),
      }),
    ),
    specialFamily: fc.boolean(),
    merit: fc.constantFrom('none', 'veteran', 'disabled-veteran', 'martyr-family'),
    pension: fc.constantFrom('employee', 'resident', 'none'),
    medicalInsurance: fc.boolean(),
    lastAssessment: fc.option(date),
    cards: fc.constantFrom([], ['0A1B2C3D']),
  },
  { requiredKeys: [] },
);

describe.each(['nanxun-2023', 'tongxiang-2022'])('%s for any elder on any date', (packId) => {
  const p = pack(packId);
  it('answers every item once, never pays both age allowances, and explains each answer', () => {
    fc.assert(
      fc.property(anyElder, date, (elder, on) => {
        const all = computeEntitlements(elder, p, on);
        expect(all.map((e) => e.id)).toEqual(p.items.map((i) => i.id));
        const paid = all.filter(
          (e) => e.id.startsWith('10-') && ['receiving', 'can-apply', 'due'].includes(e.status),
        );
        if (packId === 'nanxun-2023') expect(paid.length).toBeLessThanOrEqual(1);
        for (const e of all) {
          expect(e.explanation['zh-CN'].length, e.id).toBeGreaterThan(0);
          expect(e.explanation.en.length, e.id).toBeGreaterThan(0);
          if (e.missingFields.length > 0) expect(e.status, e.id).toBe('ask-staff');
          if (e.amountFen) expect(Number.isInteger(e.amountFen.monthly)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer for the same input (pure)', () => {
    fc.assert(
      fc.property(anyElder, date, (elder, on) => {
        expect(computeEntitlements(elder, p, on)).toEqual(
          computeEntitlements(structuredClone(elder), p, on),
        );
      }),
      { numRuns: 50 },
    );
  });
});
