import { describe, expect, it } from 'vitest';
import type { EntitlementStatus } from '../../../contract/calls/benefit-calls';
import { computeEntitlements, type EngineElder } from '../../../main/entitlements/engine';
import { ON, elder, pack, turnsToday as at, turnsTomorrow as justUnder } from './fixtures';

/** Every entry of tongxiang-2022 (seed 000, by paragraph number), inside and outside. */
const tongxiang = pack('tongxiang-2022');

type Row = [id: string, why: string, record: Partial<EngineElder>, expected: EntitlementStatus];

const rows: Row[] = [
  ['5-home-adaptation', 'dibao', { economic: 'dibao' }, 'can-apply'],
  ['5-home-adaptation', 'not low-income: the graded subsidy', { economic: 'none' }, 'ask-staff'],
  [
    '5-home-adaptation',
    '59, dibao',
    { economic: 'dibao', birthDate: justUnder(60) },
    'not-eligible',
  ],
  ['6-care-centre-services', '60 today', { birthDate: at(60) }, 'can-apply'],
  ['6-care-centre-services', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  // 6 家庭养老床位: a pilot with no stated audience
  ['6-family-care-bed', '60 today (in the pilot?)', { birthDate: at(60) }, 'ask-staff'],
  ['6-family-care-bed', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  ['13-tekun-support', 'tekun', { economic: 'tekun' }, 'receiving'],
  ['13-tekun-support', 'dibao', { economic: 'dibao' }, 'not-eligible'],
  ['14-visits', 'empty-nest (rural?)', { living: 'empty-nest' }, 'ask-staff'],
  ['14-visits', 'with family, independent', { living: 'with-family' }, 'ask-staff'],
  ['14-visits', 'left-behind, independent, not special', { living: 'left-behind' }, 'not-eligible'],
  ['15-carer-training', '60 today', { birthDate: at(60) }, 'can-apply'],
  ['15-carer-training', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  ['20-96345-services', '60 today', { birthDate: at(60) }, 'can-apply'],
  ['20-96345-services', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  ['22-smart-devices', 'alone', { living: 'alone' }, 'can-apply'],
  ['22-smart-devices', 'empty-nest', { living: 'empty-nest' }, 'can-apply'],
  ['22-smart-devices', 'with family', { living: 'with-family' }, 'not-eligible'],
  ['22-emergency-care', '80 today (高龄)', { birthDate: at(80) }, 'can-apply'],
  ['22-emergency-care', '79, nothing else', { birthDate: justUnder(80) }, 'not-eligible'],
  ['22-emergency-care', 'hardship', { economic: 'hardship' }, 'can-apply'],
  ['22-emergency-care', 'alone', { living: 'alone' }, 'can-apply'],
  ['22-emergency-care', 'mildly disabled', { selfCare: 'mild' }, 'can-apply'],
  ['22-digital-skills', '60 today', { birthDate: at(60) }, 'can-apply'],
  ['22-digital-skills', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  [
    '27-long-term-care-insurance',
    'disabled, insured',
    { selfCare: 'moderate', medicalInsurance: true },
    'can-apply',
  ],
  [
    '27-long-term-care-insurance',
    'disabled, not insured',
    { selfCare: 'moderate', medicalInsurance: false },
    'not-eligible',
  ],
  [
    '27-long-term-care-insurance',
    'independent, insured',
    { medicalInsurance: true },
    'not-eligible',
  ],
  // 29 城乡居民基本养老保险, as Nanxun item 2
  ['29-resident-pension', 'on the residents pension', { pension: 'resident' }, 'receiving'],
  ['29-resident-pension', 'on the employee pension', { pension: 'employee' }, 'not-eligible'],
  [
    '29-resident-pension',
    'no pension, 60 today',
    { pension: 'none', birthDate: at(60) },
    'ask-staff',
  ],
  [
    '29-resident-pension',
    'no pension, 59',
    { pension: 'none', birthDate: justUnder(60) },
    'not-eligible',
  ],
  ['29-accident-insurance', '60 today, local', { birthDate: at(60) }, 'receiving'],
  ['29-accident-insurance', '59, local', { birthDate: justUnder(60) }, 'not-eligible'],
  [
    '29-accident-insurance',
    '75, non-local',
    { hukou: 'nonlocal', birthDate: at(75) },
    'not-eligible',
  ],
  // 29 完善高龄补贴制度: no amount for 80–99, so staff say what applies
  ['29-high-age-subsidy', '80 today', { birthDate: at(80) }, 'ask-staff'],
  ['29-high-age-subsidy', '79', { birthDate: justUnder(80) }, 'not-eligible'],
  ['29-high-age-subsidy', '99 (100 tomorrow)', { birthDate: justUnder(100) }, 'ask-staff'],
  [
    '29-high-age-subsidy',
    '100 today: the longevity allowance',
    { birthDate: at(100) },
    'not-eligible',
  ],
  ['29-centenarian-allowance', '100 today', { birthDate: at(100) }, 'can-apply'],
  ['29-centenarian-allowance', '99', { birthDate: justUnder(100) }, 'not-eligible'],
];

describe('tongxiang-2022: every entry, at its boundaries', () => {
  it.each(rows)('%s — %s', (id, _why, record, expected) => {
    const found = computeEntitlements(elder(record), tongxiang, ON).find((e) => e.id === id);
    expect(found?.status).toBe(expected);
  });

  it('the table covers every entry, each both inside and outside', () => {
    for (const item of tongxiang.items) {
      const statuses = rows.filter(([id]) => id === item.id).map(([, , , s]) => s);
      expect(statuses, item.id).toContain('not-eligible');
      expect(
        statuses.some((s) => s !== 'not-eligible'),
        item.id,
      ).toBe(true);
    }
  });

  it('invents no amount for the 80–99 高龄补贴 and cites paragraph 29 for it', () => {
    const e = computeEntitlements(elder({ birthDate: at(85) }), tongxiang, ON).find(
      (x) => x.id === '29-high-age-subsidy',
    );
    expect(e).toMatchObject({ amountFen: null, kind: 'subsidy', item: 29 });
    expect(e?.explanation['zh-CN']).toContain('需工作人员核实：桐乡高龄补贴的标准和条件');
  });

  it('names 96345 as the number to call', () => {
    const e = computeEntitlements(elder(), tongxiang, ON).find((x) => x.id === '20-96345-services');
    expect(e?.whatToDo['zh-CN']).toBe('请拨打 96345');
  });
});
