import { describe, expect, it } from 'vitest';
import { benefitReminders } from '../../../main/entitlements/reminders';
import { elder, pack } from './fixtures';

const nanxun = pack('nanxun-2023');
const kinds = (r: ReturnType<typeof benefitReminders>) =>
  r.map((x) => `${x.kind}:${x.entitlementId}`);

describe('服务找人 reminders', () => {
  it('greets an 80+ elder in the birthday month, before the birthday too', () => {
    const e = elder({ birthDate: '1945-03-20', lastAssessment: '2026-01-05' });
    const march = benefitReminders(e, nanxun, '2026-03-01');
    expect(march[0]).toMatchObject({ kind: 'birthday', item: 13 });
    expect(march[0]?.text['zh-CN']).toBe('3月20日是您81周岁生日，祝您生日快乐！');
    expect(march[0]?.text.en).toBe('Happy 81st birthday on 20 March!');
    expect(benefitReminders(e, nanxun, '2026-04-01').filter((r) => r.kind === 'birthday')).toEqual(
      [],
    );
    expect(benefitReminders(e, nanxun, '2026-02-28').filter((r) => r.kind === 'birthday')).toEqual(
      [],
    );
  });

  it('greets an elder turning 80 this month while still 79, but not one turning 79', () => {
    const eighty = elder({ birthDate: '1946-03-25', lastAssessment: null });
    expect(kinds(benefitReminders(eighty, nanxun, '2026-03-02'))[0]).toBe(
      'birthday:13-birthday-greeting',
    );
    const seventyNine = elder({ birthDate: '1947-03-25', lastAssessment: null });
    expect(kinds(benefitReminders(seventyNine, nanxun, '2026-03-02'))).not.toContain(
      'birthday:13-birthday-greeting',
    );
  });

  it('puts a 29 February birthday in March in common years and in February in leap years', () => {
    const e = elder({ birthDate: '1944-02-29', lastAssessment: '2026-01-01' });
    expect(benefitReminders(e, nanxun, '2026-02-10').some((r) => r.kind === 'birthday')).toBe(
      false,
    );
    const march = benefitReminders(e, nanxun, '2026-03-05').find((r) => r.kind === 'birthday');
    expect(march?.text['zh-CN']).toBe('3月1日是您82周岁生日，祝您生日快乐！');
    const leap = benefitReminders(e, nanxun, '2028-02-10').find((r) => r.kind === 'birthday');
    expect(leap?.text['zh-CN']).toBe('2月29日是您84周岁生日，祝您生日快乐！');
  });

  it('says the capability assessment is due: yearly from 80, every two years below', () => {
    const old = elder({ birthDate: '1940-09-01', lastAssessment: '2025-06-15' });
    expect(kinds(benefitReminders(old, nanxun, '2026-06-14'))).not.toContain(
      'assessment-due:4-assessment-yearly',
    );
    expect(kinds(benefitReminders(old, nanxun, '2026-06-15'))).toContain(
      'assessment-due:4-assessment-yearly',
    );
    const younger = elder({ birthDate: '1955-09-01', lastAssessment: '2025-06-15' });
    expect(kinds(benefitReminders(younger, nanxun, '2026-06-15'))).not.toContain(
      'assessment-due:4-assessment-biennial',
    );
    expect(kinds(benefitReminders(younger, nanxun, '2027-06-15'))).toContain(
      'assessment-due:4-assessment-biennial',
    );
    const never = elder({ birthDate: '1955-09-01', lastAssessment: null });
    expect(kinds(benefitReminders(never, nanxun, '2026-06-15'))).toContain(
      'assessment-due:4-assessment-biennial',
    );
  });

  it('orders birthday, then due services, then money to apply for, largest first', () => {
    const e = elder({
      birthDate: '1926-06-20',
      economic: 'dibao',
      disability: { grade: 1, type: 'physical' },
      lastAssessment: null,
    });
    expect(kinds(benefitReminders(e, nanxun, '2026-06-15'))).toEqual([
      'birthday:13-birthday-greeting',
      'assessment-due:4-assessment-yearly',
      'can-apply:10-high-age-allowance',
      'can-apply:15-care-subsidy',
      'can-apply:29-disability-living-subsidy',
      'can-apply:29-severe-disability-nursing-subsidy',
    ]);
    // after the hundredth birthday the longevity allowance replaces the high-age one
    expect(kinds(benefitReminders(e, nanxun, '2026-06-20'))).toContain(
      'can-apply:10-longevity-allowance',
    );
    expect(kinds(benefitReminders(e, nanxun, '2026-06-20'))).not.toContain(
      'can-apply:10-high-age-allowance',
    );
  });

  it('does not remind of an allowance the elder already receives', () => {
    const e = elder({
      birthDate: '1940-01-01',
      lastAssessment: '2026-05-01',
      receiving: ['10-high-age-allowance'],
    });
    expect(benefitReminders(e, nanxun, '2026-06-15')).toEqual([]);
    const text = benefitReminders({ ...e, receiving: [] }, nanxun, '2026-06-15')[0]?.text['zh-CN'];
    expect(text).toBe('您可以申请高龄津贴，每月不少于 60 元。请到服务站柜台申请。');
  });

  it('has no birthday reminder under a pack without a birthday item', () => {
    const e = elder({ birthDate: '1940-06-20', lastAssessment: null });
    expect(
      benefitReminders(e, pack('tongxiang-2022'), '2026-06-15').some((r) => r.kind === 'birthday'),
    ).toBe(false);
  });
});
