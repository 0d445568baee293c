import { describe, expect, it } from 'vitest';
import type { ElderRecord } from '../../../contract/elder';
import { computeEntitlements } from '../../../main/entitlements/engine';
import { ON, baseElder, dropFields, elder, pack, turnsToday, without } from './fixtures';

const FIELDS: (keyof ElderRecord)[] = [
  'birthDate',
  'gender',
  'hukou',
  'living',
  'economic',
  'selfCare',
  'disability',
  'specialFamily',
  'merit',
  'pension',
  'medicalInsurance',
  'lastAssessment',
  'cards',
];

/** Records that make each field matter to some item: old, low-income, disabled, alone… */
const profiles = [
  elder({ birthDate: turnsToday(85), living: 'alone', economic: 'dibao', selfCare: 'mild' }),
  elder({
    birthDate: turnsToday(65),
    hukou: 'nonlocal',
    gender: 'female',
    disability: { grade: 2, type: 'mental' },
  }),
  elder({
    birthDate: turnsToday(72),
    merit: 'veteran',
    pension: 'employee',
    medicalInsurance: true,
    specialFamily: true,
  }),
];

describe.each(['nanxun-2023', 'tongxiang-2022'])('%s: a missing field', (packId) => {
  const p = pack(packId);
  it.each(FIELDS)('%s makes "ask staff" only the items that need it', (field) => {
    let changed = 0;
    for (const profile of profiles) {
      const full = computeEntitlements(profile, p, ON);
      const lacking = dropFields(profile, [field]);
      const partial = computeEntitlements(lacking, p, ON);
      partial.forEach((e, i) => {
        const before = full[i];
        if (!before) throw new Error('item lists differ');
        expect(e.id).toBe(before.id);
        if (e.status === before.status) return;
        changed += 1;
        expect(e.status, `${e.id} without ${field}`).toBe('ask-staff');
        expect(e.missingFields, e.id).toContain(field);
        expect(e.explanation['zh-CN']).toContain('档案缺少');
      });
    }
    // a field no item of this pack reads may change nothing; birthDate always matters
    if (field === 'birthDate') expect(changed).toBeGreaterThan(0);
  });
});

describe('nanxun-2023 with fields missing', () => {
  const nanxun = pack('nanxun-2023');
  const status = (record: ReturnType<typeof without>, id: string) =>
    computeEntitlements(record, nanxun, ON).find((e) => e.id === id)?.status;

  it('hukou missing: accident insurance asks staff, the meal discount does not', () => {
    const record = without('hukou');
    expect(status(record, '8-accident-insurance')).toBe('ask-staff');
    expect(status(record, '9-meal-discount')).toBe('receiving');
  });

  it('birth date missing: age items ask staff, the employee pension is still decided', () => {
    const record = { ...without('birthDate'), pension: 'employee' as const };
    expect(status(record, '10-high-age-allowance')).toBe('ask-staff');
    expect(status(record, '1-employee-pension')).toBe('receiving');
  });

  it('lastAssessment missing: the assessment asks staff; null means never, so due', () => {
    expect(
      status({ ...without('lastAssessment'), birthDate: turnsToday(82) }, '4-assessment-yearly'),
    ).toBe('ask-staff');
    expect(
      status(elder({ birthDate: turnsToday(82), lastAssessment: null }), '4-assessment-yearly'),
    ).toBe('due');
  });

  it('a field that fails decides even when another is missing', () => {
    const young = { ...without('hukou'), birthDate: turnsToday(50) };
    expect(status(young, '8-accident-insurance')).toBe('not-eligible');
  });

  it('an empty record decides nothing that needs a field', () => {
    const all = computeEntitlements({}, nanxun, ON);
    expect(all.every((e) => e.status === 'ask-staff')).toBe(true);
    expect(baseElder.birthDate).toBeDefined();
  });
});
