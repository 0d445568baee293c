import { describe, expect, it } from 'vitest';
import { listBenefitReminders, listBenefits } from '../../../main/entitlements/benefit-handlers';
import { computeEntitlements } from '../../../main/entitlements/engine';
import { parseEngineElder } from '../../../main/entitlements/elder-input';
import { ON, baseElder, elder, pack, turnsToday } from './fixtures';

describe('benefits.list and benefits.reminders handlers', () => {
  const nanxun = pack('nanxun-2023');

  it('groups what applies as money, services, care and keeps the rest for staff', () => {
    const view = listBenefits(elder({ birthDate: turnsToday(83) }), nanxun, ON);
    expect(view.pack).toMatchObject({ id: 'nanxun-2023', version: '1.0.2', hash: nanxun.hash });
    expect(view.age).toBe(83);
    expect(view.groups.map((g) => g.group)).toEqual(['money', 'services', 'care']);
    const shown = view.groups.flatMap((g) => g.items);
    expect(shown.every((e) => e.status !== 'not-eligible')).toBe(true);
    expect(view.groups[0]?.items.map((e) => e.id)).toContain('10-high-age-allowance');
    expect(view.notEligible.map((e) => e.id)).toContain('10-longevity-allowance');
    expect(shown.length + view.notEligible.length).toBe(nanxun.items.length);
    const high = shown.find((e) => e.id === '10-high-age-allowance');
    expect(high?.whatToDo['zh-CN']).toBe('请到服务站柜台申请');
    expect(high?.citation.quote).toContain('不重复享受');
  });

  it('lists what the elder can act on first in each group: due, can apply, ask staff, then receiving', () => {
    const rank = { due: 0, 'can-apply': 1, 'ask-staff': 2, receiving: 3, 'not-eligible': 4 };
    const view = listBenefits(
      elder({ birthDate: turnsToday(83), pension: 'resident', lastAssessment: null }),
      nanxun,
      ON,
    );
    const money = view.groups[0]?.items ?? [];
    // the residents' pension (item 2, received) comes after the 高龄津贴 she can apply for (item 10)
    expect(money.map((e) => [e.id, e.status])).toEqual([
      ['10-high-age-allowance', 'can-apply'],
      ['2-resident-pension', 'receiving'],
      ['6-bus-free', 'receiving'],
      ['9-meal-discount', 'receiving'],
    ]);
    for (const { items } of view.groups) {
      const ranks = items.map((e) => rank[e.status]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const care = view.groups[2]?.items ?? [];
    expect(care[0]).toMatchObject({ id: '4-assessment-yearly', status: 'due' });
  });

  it('answers reminders for the same elder', () => {
    const reminders = listBenefitReminders(
      elder({ birthDate: turnsToday(83), lastAssessment: null }),
      nanxun,
      ON,
    );
    expect(reminders.map((r) => r.kind)).toEqual(['birthday', 'assessment-due', 'can-apply']);
  });

  it('tongxiang-2022: the centenarian allowance is 600 元 a month from the hundredth birthday', () => {
    const tongxiang = pack('tongxiang-2022');
    const at = (birthDate: string) =>
      computeEntitlements(elder({ birthDate }), tongxiang, ON).find(
        (e) => e.id === '29-centenarian-allowance',
      );
    expect(at('1926-06-15')).toMatchObject({
      status: 'can-apply',
      amountFen: { monthly: 60000, atLeast: false },
    });
    expect(at('1926-06-16')?.status).toBe('not-eligible');
    const insured = (hukou: 'local' | 'nonlocal', birthDate: string) =>
      computeEntitlements(elder({ hukou, birthDate }), tongxiang, ON).find(
        (e) => e.id === '29-accident-insurance',
      )?.status;
    expect(insured('local', turnsToday(60))).toBe('receiving');
    expect(insured('local', '1966-06-16')).toBe('not-eligible');
    expect(insured('nonlocal', turnsToday(70))).toBe('not-eligible');
  });

  it('the elder input accepts missing fields but names a bad or unknown one', () => {
    expect(parseEngineElder({ birthDate: '1940-01-01' }).ok).toBe(true);
    expect(parseEngineElder({ ...baseElder, economic: 'rich' })).toMatchObject({
      ok: false,
      problem: expect.stringContaining("field 'economic'"),
    });
    expect(parseEngineElder({ ...baseElder, birthdate: '1940-01-01' })).toMatchObject({
      ok: false,
      problem: "unknown field 'birthdate'",
    });
  });
});
