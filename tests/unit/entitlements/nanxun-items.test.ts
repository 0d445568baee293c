import { describe, expect, it } from 'vitest';
import type { EntitlementStatus } from '../../../contract/calls/benefit-calls';
import { computeEntitlements, type EngineElder } from '../../../main/entitlements/engine';
import { ON, elder, pack, turnsToday as at, turnsTomorrow as justUnder } from './fixtures';

/**
 * Every item of the 南浔区基本养老服务清单 (seed 001 annex), with elders just inside and just
 * outside each boundary: `at(n)` turns n today (inside "n周岁以上"), `justUnder(n)` turns n
 * tomorrow (still n − 1 today). Each row names the item id, the record and the status expected.
 */
const nanxun = pack('nanxun-2023');

type Row = [id: string, why: string, record: Partial<EngineElder>, expected: EntitlementStatus];

const ECON_HARD = ['hardship', 'dibao', 'tekun'] as const;

const rows: Row[] = [
  // 1 职工基本养老保险
  ['1-employee-pension', 'on the employee pension', { pension: 'employee' }, 'receiving'],
  ['1-employee-pension', 'on the residents pension', { pension: 'resident' }, 'not-eligible'],
  ['1-employee-pension', 'no pension', { pension: 'none' }, 'not-eligible'],
  // 2 城乡居民基本养老保险
  ['2-resident-pension', 'on the residents pension', { pension: 'resident' }, 'receiving'],
  ['2-resident-pension', 'on the employee pension', { pension: 'employee' }, 'not-eligible'],
  [
    '2-resident-pension',
    'no pension, 60 today',
    { pension: 'none', birthDate: at(60) },
    'ask-staff',
  ],
  [
    '2-resident-pension',
    'no pension, 59',
    { pension: 'none', birthDate: justUnder(60) },
    'not-eligible',
  ],
  // 3 定期体检
  [
    '3-health-check',
    'insured, 60 today',
    { medicalInsurance: true, birthDate: at(60) },
    'can-apply',
  ],
  [
    '3-health-check',
    'insured, 59',
    { medicalInsurance: true, birthDate: justUnder(60) },
    'not-eligible',
  ],
  ['3-health-check', 'not insured', { medicalInsurance: false, birthDate: at(75) }, 'not-eligible'],
  // 4 能力评估: 80+ yearly, under 80 every two years
  [
    '4-assessment-yearly',
    '80 today, never assessed',
    { birthDate: at(80), lastAssessment: null },
    'due',
  ],
  [
    '4-assessment-yearly',
    '80, assessed a year ago today',
    { birthDate: at(80), lastAssessment: '2025-06-15' },
    'due',
  ],
  [
    '4-assessment-yearly',
    '80, assessed a year ago tomorrow',
    { birthDate: at(80), lastAssessment: '2025-06-16' },
    'receiving',
  ],
  ['4-assessment-yearly', '79', { birthDate: justUnder(80), lastAssessment: null }, 'not-eligible'],
  [
    '4-assessment-biennial',
    '79, assessed two years ago today',
    { birthDate: justUnder(80), lastAssessment: '2024-06-15' },
    'due',
  ],
  [
    '4-assessment-biennial',
    '79, two years ago tomorrow',
    { birthDate: justUnder(80), lastAssessment: '2024-06-16' },
    'receiving',
  ],
  [
    '4-assessment-biennial',
    '79, assessed 13 months ago',
    { birthDate: justUnder(80), lastAssessment: '2025-05-15' },
    'receiving',
  ],
  [
    '4-assessment-biennial',
    '60 today, never assessed',
    { birthDate: at(60), lastAssessment: null },
    'due',
  ],
  [
    '4-assessment-biennial',
    '59',
    { birthDate: justUnder(60), lastAssessment: null },
    'not-eligible',
  ],
  [
    '4-assessment-biennial',
    '80 today',
    { birthDate: at(80), lastAssessment: null },
    'not-eligible',
  ],
  // 5 社区居家照料服务
  ['5-home-care', '60 today', { birthDate: at(60) }, 'can-apply'],
  ['5-home-care', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  // 6 公交: 60–69 half price, 70+ free, with the elder card
  ['6-bus-half-price', '60 today', { birthDate: at(60) }, 'receiving'],
  ['6-bus-half-price', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  ['6-bus-half-price', '69 (70 tomorrow)', { birthDate: justUnder(70) }, 'receiving'],
  ['6-bus-half-price', '70 today', { birthDate: at(70) }, 'not-eligible'],
  ['6-bus-half-price', '65 without an elder card', { birthDate: at(65), cards: [] }, 'can-apply'],
  ['6-bus-free', '70 today', { birthDate: at(70) }, 'receiving'],
  ['6-bus-free', '69', { birthDate: justUnder(70) }, 'not-eligible'],
  // 7 法律服务: legal aid by the rules; notarisation 70–80 half, over 80 free
  ['7-legal-aid', '60 today', { birthDate: at(60) }, 'ask-staff'],
  ['7-legal-aid', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  ['7-notary-half-price', '70 today', { birthDate: at(70) }, 'can-apply'],
  ['7-notary-half-price', '69', { birthDate: justUnder(70) }, 'not-eligible'],
  ['7-notary-half-price', '80 (81 tomorrow)', { birthDate: justUnder(81) }, 'can-apply'],
  ['7-notary-half-price', '81 today', { birthDate: at(81) }, 'not-eligible'],
  ['7-notary-free', '81 today', { birthDate: at(81) }, 'can-apply'],
  ['7-notary-free', '80', { birthDate: justUnder(81) }, 'not-eligible'],
  // 8 意外伤害保险: 60+ 户籍
  ['8-accident-insurance', '60 today, local', { birthDate: at(60) }, 'receiving'],
  ['8-accident-insurance', '59, local', { birthDate: justUnder(60) }, 'not-eligible'],
  [
    '8-accident-insurance',
    '60, non-local',
    { birthDate: at(60), hukou: 'nonlocal' },
    'not-eligible',
  ],
  // *9 助餐服务
  ['9-meal-discount', '60 today', { birthDate: at(60) }, 'receiving'],
  ['9-meal-discount', '59', { birthDate: justUnder(60) }, 'not-eligible'],
  // 10 高龄津贴 80+, 长寿保健补助金 100+, not both
  ['10-high-age-allowance', '80 today', { birthDate: at(80) }, 'can-apply'],
  ['10-high-age-allowance', '79', { birthDate: justUnder(80) }, 'not-eligible'],
  ['10-high-age-allowance', '99 (100 tomorrow)', { birthDate: justUnder(100) }, 'can-apply'],
  ['10-high-age-allowance', '100 today: longevity instead', { birthDate: at(100) }, 'not-eligible'],
  [
    '10-high-age-allowance',
    '85, already granted',
    { birthDate: at(85), receiving: ['10-high-age-allowance'] },
    'receiving',
  ],
  ['10-longevity-allowance', '100 today', { birthDate: at(100) }, 'can-apply'],
  ['10-longevity-allowance', '99', { birthDate: justUnder(100) }, 'not-eligible'],
  // 11 养老服务: 80+ 失能 户籍
  [
    '11-care-service-80',
    '80, local, mildly disabled',
    { birthDate: at(80), selfCare: 'mild' },
    'can-apply',
  ],
  [
    '11-care-service-80',
    '80, moderately disabled',
    { birthDate: at(80), selfCare: 'moderate' },
    'can-apply',
  ],
  [
    '11-care-service-80',
    '80, severely disabled',
    { birthDate: at(80), selfCare: 'severe' },
    'can-apply',
  ],
  [
    '11-care-service-80',
    '79, severely disabled',
    { birthDate: justUnder(80), selfCare: 'severe' },
    'not-eligible',
  ],
  [
    '11-care-service-80',
    '80, independent',
    { birthDate: at(80), selfCare: 'independent' },
    'not-eligible',
  ],
  [
    '11-care-service-80',
    '80, non-local',
    { birthDate: at(80), selfCare: 'severe', hukou: 'nonlocal' },
    'not-eligible',
  ],
  // *12 80+ extra accident insurance (on top of item 8, which is for local hukou)
  ['12-accident-insurance-80', '80, local', { birthDate: at(80) }, 'receiving'],
  ['12-accident-insurance-80', '79, local', { birthDate: justUnder(80) }, 'not-eligible'],
  [
    '12-accident-insurance-80',
    '80, non-local',
    { birthDate: at(80), hukou: 'nonlocal' },
    'ask-staff',
  ],
  // *13 生日祝福, *14 百岁慰问
  ['13-birthday-greeting', '80 today', { birthDate: at(80) }, 'receiving'],
  ['13-birthday-greeting', '79', { birthDate: justUnder(80) }, 'not-eligible'],
  ['14-centenarian-visit', '100 today', { birthDate: at(100) }, 'receiving'],
  ['14-centenarian-visit', '99', { birthDate: justUnder(100) }, 'not-eligible'],
  // 15 养老服务补贴: each economic status
  ...ECON_HARD.map((e): Row => ['15-care-subsidy', e, { economic: e }, 'can-apply']),
  ['15-care-subsidy', 'not low-income', { economic: 'none' }, 'not-eligible'],
  [
    '15-care-subsidy',
    '59, hardship',
    { economic: 'hardship', birthDate: justUnder(60) },
    'not-eligible',
  ],
  // *16 extra insurance for low-income families
  ['16-accident-insurance-hardship', 'hardship, local', { economic: 'hardship' }, 'receiving'],
  [
    '16-accident-insurance-hardship',
    'dibao, non-local',
    { economic: 'dibao', hukou: 'nonlocal' },
    'ask-staff',
  ],
  ['16-accident-insurance-hardship', 'not low-income', { economic: 'none' }, 'not-eligible'],
  // *17, 18
  ...ECON_HARD.map((e): Row => ['17-institution-subsidy', e, { economic: e }, 'can-apply']),
  ['17-institution-subsidy', 'not low-income', { economic: 'none' }, 'not-eligible'],
  ...ECON_HARD.map((e): Row => ['18-home-adaptation', e, { economic: e }, 'can-apply']),
  ['18-home-adaptation', 'not low-income', { economic: 'none' }, 'not-eligible'],
  // 19 护理补贴 ("符合条件的" 失能): the other conditions are not in the record
  ['19-nursing-subsidy', 'mildly disabled', { selfCare: 'mild' }, 'ask-staff'],
  ['19-nursing-subsidy', 'severely disabled', { selfCare: 'severe' }, 'ask-staff'],
  ['19-nursing-subsidy', 'independent', { selfCare: 'independent' }, 'not-eligible'],
  // 20 family carer training ("符合条件的", "按规定"): like 19, the rules are not in the record
  ['20-family-carer-training', 'moderately disabled', { selfCare: 'moderate' }, 'ask-staff'],
  ['20-family-carer-training', 'independent', { selfCare: 'independent' }, 'not-eligible'],
  // 21, 22 特困
  ['21-tekun-dispersed', 'tekun', { economic: 'tekun' }, 'receiving'],
  ['21-tekun-dispersed', 'dibao', { economic: 'dibao' }, 'not-eligible'],
  ['22-tekun-centralised', 'tekun', { economic: 'tekun' }, 'can-apply'],
  ['22-tekun-centralised', 'hardship', { economic: 'hardship' }, 'not-eligible'],
  // 23 低保: "仍有困难" is not in the record
  ['23-dibao-extra-support', 'dibao', { economic: 'dibao' }, 'ask-staff'],
  ['23-dibao-extra-support', 'tekun', { economic: 'tekun' }, 'not-eligible'],
  ['23-dibao-extra-support', 'hardship', { economic: 'hardship' }, 'not-eligible'],
  // 24 探访: each living arrangement, 失能, 重残, 计生特殊
  ['24-visits', 'lives alone', { living: 'alone' }, 'receiving'],
  ['24-visits', 'empty-nest', { living: 'empty-nest' }, 'receiving'],
  ['24-visits', 'left-behind', { living: 'left-behind' }, 'receiving'],
  ['24-visits', 'with family, nothing else', { living: 'with-family' }, 'not-eligible'],
  ['24-visits', 'with family, moderately disabled', { selfCare: 'moderate' }, 'receiving'],
  [
    '24-visits',
    'disability grade 2 (重残)',
    { disability: { grade: 2, type: 'visual' } },
    'receiving',
  ],
  ['24-visits', 'disability grade 3', { disability: { grade: 3, type: 'visual' } }, 'not-eligible'],
  ['24-visits', 'special family', { specialFamily: true }, 'receiving'],
  ['24-visits', '59, alone', { living: 'alone', birthDate: justUnder(60) }, 'not-eligible'],
  // *25 红绿双键: 80+ alone/empty-nest/孤寡, or a low-income family
  ['25-red-green-buttons', '80, alone', { birthDate: at(80), living: 'alone' }, 'can-apply'],
  [
    '25-red-green-buttons',
    '80, empty-nest',
    { birthDate: at(80), living: 'empty-nest' },
    'can-apply',
  ],
  [
    '25-red-green-buttons',
    '79, alone',
    { birthDate: justUnder(80), living: 'alone' },
    'not-eligible',
  ],
  [
    '25-red-green-buttons',
    '80, with family (孤寡?)',
    { birthDate: at(80), living: 'with-family' },
    'ask-staff',
  ],
  [
    '25-red-green-buttons',
    '80, left-behind (has children)',
    { birthDate: at(80), living: 'left-behind' },
    'not-eligible',
  ],
  ['25-red-green-buttons', '65, dibao', { birthDate: at(65), economic: 'dibao' }, 'can-apply'],
  [
    '25-red-green-buttons',
    '65, alone, not low-income',
    { birthDate: at(65), living: 'alone' },
    'not-eligible',
  ],
  // *26 送药上门: 孤寡 or 计生特殊家庭
  [
    '26-medicine-delivery',
    'special family',
    { specialFamily: true, living: 'empty-nest' },
    'can-apply',
  ],
  ['26-medicine-delivery', 'alone (孤寡?)', { living: 'alone' }, 'ask-staff'],
  ['26-medicine-delivery', 'with family (孤寡?)', { living: 'with-family' }, 'ask-staff'],
  ['26-medicine-delivery', 'empty-nest (has children)', { living: 'empty-nest' }, 'not-eligible'],
  ['26-medicine-delivery', 'left-behind (has children)', { living: 'left-behind' }, 'not-eligible'],
  // *27 助餐特惠
  [
    '27-meal-extra-discount',
    '60, hardship, mild',
    { birthDate: at(60), economic: 'hardship', selfCare: 'mild' },
    'receiving',
  ],
  [
    '27-meal-extra-discount',
    '60, tekun, severe',
    { birthDate: at(60), economic: 'tekun', selfCare: 'severe' },
    'receiving',
  ],
  [
    '27-meal-extra-discount',
    '60, hardship, independent',
    { birthDate: at(60), economic: 'hardship' },
    'not-eligible',
  ],
  [
    '27-meal-extra-discount',
    '60, special family, mild',
    { birthDate: at(60), specialFamily: true, selfCare: 'mild' },
    'receiving',
  ],
  [
    '27-meal-extra-discount',
    '59, dibao, severe',
    { birthDate: justUnder(60), economic: 'dibao', selfCare: 'severe' },
    'not-eligible',
  ],
  ['27-meal-extra-discount', '80, alone', { birthDate: at(80), living: 'alone' }, 'receiving'],
  [
    '27-meal-extra-discount',
    '80, empty-nest',
    { birthDate: at(80), living: 'empty-nest' },
    'receiving',
  ],
  [
    '27-meal-extra-discount',
    '79, alone',
    { birthDate: justUnder(80), living: 'alone' },
    'not-eligible',
  ],
  [
    '27-meal-extra-discount',
    '80, left-behind',
    { birthDate: at(80), living: 'left-behind' },
    'not-eligible',
  ],
  [
    '27-meal-extra-discount',
    '80, with family',
    { birthDate: at(80), living: 'with-family' },
    'not-eligible',
  ],
  // 28 计生特殊家庭
  ['28-priority-admission', 'special family', { specialFamily: true }, 'can-apply'],
  ['28-priority-admission', 'not a special family', { specialFamily: false }, 'not-eligible'],
  // 29 残疾: living subsidy (低保 + disabled), nursing subsidy (grade 1–2, or 3–4 intellectual/mental)
  [
    '29-disability-living-subsidy',
    'dibao, grade 3',
    { economic: 'dibao', disability: { grade: 3, type: 'physical' } },
    'can-apply',
  ],
  ['29-disability-living-subsidy', 'dibao, no disability', { economic: 'dibao' }, 'not-eligible'],
  [
    '29-disability-living-subsidy',
    'hardship, grade 1',
    { economic: 'hardship', disability: { grade: 1, type: 'physical' } },
    'not-eligible',
  ],
  [
    '29-severe-disability-nursing-subsidy',
    'grade 1 physical',
    { disability: { grade: 1, type: 'physical' } },
    'can-apply',
  ],
  [
    '29-severe-disability-nursing-subsidy',
    'grade 2 hearing',
    { disability: { grade: 2, type: 'hearing' } },
    'can-apply',
  ],
  [
    '29-severe-disability-nursing-subsidy',
    'grade 3 physical',
    { disability: { grade: 3, type: 'physical' } },
    'not-eligible',
  ],
  [
    '29-severe-disability-nursing-subsidy',
    'grade 3 intellectual',
    { disability: { grade: 3, type: 'intellectual' } },
    'can-apply',
  ],
  [
    '29-severe-disability-nursing-subsidy',
    'grade 4 mental',
    { disability: { grade: 4, type: 'mental' } },
    'can-apply',
  ],
  [
    '29-severe-disability-nursing-subsidy',
    'grade 4 hearing',
    { disability: { grade: 4, type: 'hearing' } },
    'not-eligible',
  ],
  ['29-severe-disability-nursing-subsidy', 'no disability', { disability: null }, 'not-eligible'],
  // 30 流浪乞讨: a recorded home rules it out
  ['30-vagrant-relief', 'lives alone at home', { living: 'alone' }, 'not-eligible'],
  ['30-vagrant-relief', 'no living arrangement on record', { living: undefined }, 'ask-staff'],
  // 31, 32 优抚对象
  ...(['veteran', 'disabled-veteran', 'martyr-family'] as const).flatMap((m): Row[] => [
    ['31-merit-institution', m, { merit: m }, 'can-apply'],
    ['32-merit-home-care-priority', m, { merit: m }, 'can-apply'],
  ]),
  ['31-merit-institution', 'no merit', { merit: 'none' }, 'not-eligible'],
  ['32-merit-home-care-priority', 'no merit', { merit: 'none' }, 'not-eligible'],
  // 33 见义勇为致残: not in the record
  ['33-heroic-disabled-support', 'mildly disabled', { selfCare: 'mild' }, 'ask-staff'],
  ['33-heroic-disabled-support', 'independent', { selfCare: 'independent' }, 'not-eligible'],
  // 34 投靠子女落户: the child's hukou is not in the record
  [
    '34-join-child-hukou',
    'non-local man, 60',
    { hukou: 'nonlocal', gender: 'male', birthDate: at(60) },
    'ask-staff',
  ],
  [
    '34-join-child-hukou',
    'non-local woman, 55',
    { hukou: 'nonlocal', gender: 'female', birthDate: at(55) },
    'ask-staff',
  ],
  ['34-join-child-hukou', 'local', { hukou: 'local' }, 'not-eligible'],
];

const statusOf = (id: string, record: Partial<EngineElder>) => {
  const found = computeEntitlements(elder(record), nanxun, ON).find((e) => e.id === id);
  if (!found) throw new Error(`no entitlement ${id}`);
  return found;
};

describe('nanxun-2023: every item of the list, at its boundaries', () => {
  it.each(rows)('%s — %s', (id, _why, record, expected) => {
    expect(statusOf(id, record).status).toBe(expected);
  });

  it('the table covers every entry of the pack, each both inside and outside', () => {
    for (const item of nanxun.items) {
      const statuses = rows.filter(([id]) => id === item.id).map(([, , , s]) => s);
      expect(statuses, item.id).toContain('not-eligible');
      expect(
        statuses.some((s) => s !== 'not-eligible'),
        item.id,
      ).toBe(true);
    }
  });

  it('the pack encodes all 34 items of the list, starred ones marked local', () => {
    const numbers = [...new Set(nanxun.items.map((i) => i.citation.item))].sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    const starred = [...new Set(nanxun.items.filter((i) => i.local).map((i) => i.citation.item))];
    expect(starred.sort((a, b) => a - b)).toEqual([9, 12, 13, 14, 16, 17, 25, 26, 27]);
  });

  it('gives the figures of the text in fen', () => {
    const e = computeEntitlements(elder({ birthDate: at(83) }), nanxun, ON);
    expect(e.find((x) => x.id === '10-high-age-allowance')?.amountFen).toEqual({
      monthly: 6000,
      atLeast: true,
    });
    const c = computeEntitlements(elder({ birthDate: at(100) }), nanxun, ON);
    expect(c.find((x) => x.id === '10-longevity-allowance')?.amountFen).toEqual({
      monthly: 50000,
      atLeast: true,
    });
    expect(e.find((x) => x.id === '6-bus-half-price')?.pricePercent).toBe(50);
    const meal = computeEntitlements(elder({ birthDate: at(80), living: 'alone' }), nanxun, ON);
    expect(meal.find((x) => x.id === '27-meal-extra-discount')?.freeDelivery).toBe(true);
  });

  it('explains from the conditions that held, in both languages', () => {
    const high = statusOf('10-high-age-allowance', { birthDate: '1943-03-02' });
    expect(high.explanation['zh-CN']).toBe('83 周岁，80 周岁以上');
    expect(high.explanation.en).toBe('aged 83, 80 or over');
    expect(high.citation).toMatchObject({
      file: '001_bbdd73ef92731b3c.txt',
      item: 10,
      document: '浔政办发〔2023〕50号',
    });
    const no = statusOf('10-high-age-allowance', { birthDate: justUnder(80) });
    expect(no.explanation['zh-CN']).toBe('79 周岁，不在 80 周岁以上');
    const ask = statusOf('26-medicine-delivery', { living: 'alone' });
    expect(ask.explanation['zh-CN']).toContain('需工作人员核实：孤寡老人');
    const visits = statusOf('24-visits', { living: 'empty-nest' });
    expect(visits.explanation['zh-CN']).toBe('70 周岁，60 周岁以上；空巢');
    // two age rules held (60 周岁以上, and 80 周岁以上 in the branch): the age is said once
    const buttons = statusOf('25-red-green-buttons', { birthDate: at(100), living: 'alone' });
    expect(buttons.explanation['zh-CN']).toBe('100 周岁，80 周岁以上；独居');
    expect(buttons.explanation.en).toBe('aged 100, 80 or over; lives alone');
    const band = statusOf('4-assessment-biennial', { birthDate: at(65), lastAssessment: null });
    expect(band.explanation['zh-CN']).toBe('65 周岁，60–79 周岁；从未评估过');
  });

  it('reports due dates for the assessment', () => {
    const next = statusOf('4-assessment-yearly', {
      birthDate: at(85),
      lastAssessment: '2026-03-01',
    });
    expect(next.dueOn).toBe('2027-03-01');
    expect(next.explanation['zh-CN']).toContain('上次评估 2026-03-01');
  });
});
