import { describe, expect, it } from 'vitest';
import type { EntitlementStatus } from '../../../contract/calls/benefit-calls';
import { computeEntitlements, type EngineElder } from '../../../main/entitlements/engine';
import type { Condition } from '../../../policies/schema';
import { ON, elder, pack, turnsToday, turnsTomorrow } from './fixtures';

/**
 * Every age limit of the Nanxun list, at the limit and one day outside it, with the item's other
 * conditions met — so moving any limit in the pack by a year fails here. The ages are written
 * down from the seed's words (001 annex), never read from the pack; the last test checks that
 * the pack has no age limit this table does not know.
 *
 * A `min` row: the elder turns `age` today (inside) and turns it tomorrow (outside, still
 * age − 1). A `max` row: the elder is `age` today and turns age + 1 tomorrow (inside), and turns
 * age + 1 today (outside).
 */
const nanxun = pack('nanxun-2023');

interface AgeLimit {
  id: string;
  bound: 'min' | 'max';
  age: number;
  /** the other conditions, met */
  record: Partial<EngineElder>;
  inside: EntitlementStatus;
  /** not-eligible unless another route keeps the item open */
  outside?: EntitlementStatus;
  /** words the outside explanation must hold when it stays open (what staff are to check) */
  outsideAsks?: string;
}

const poor = { economic: 'dibao' } as const;
const disabled = { selfCare: 'mild' } as const;

const limits: AgeLimit[] = [
  // 老年人 = 60 周岁以上 (老年人权益保障法 第二条) where the list says only "老年人"
  {
    id: '2-resident-pension',
    bound: 'min',
    age: 60,
    record: { pension: 'none' },
    inside: 'ask-staff',
  },
  {
    id: '3-health-check',
    bound: 'min',
    age: 60,
    record: { medicalInsurance: true },
    inside: 'can-apply',
  },
  // 4: 80 周岁以上 yearly, below 80 every two years
  {
    id: '4-assessment-yearly',
    bound: 'min',
    age: 80,
    record: { lastAssessment: null },
    inside: 'due',
  },
  {
    id: '4-assessment-biennial',
    bound: 'min',
    age: 60,
    record: { lastAssessment: null },
    inside: 'due',
  },
  {
    id: '4-assessment-biennial',
    bound: 'max',
    age: 79,
    record: { lastAssessment: null },
    inside: 'due',
  },
  { id: '5-home-care', bound: 'min', age: 60, record: {}, inside: 'can-apply' },
  // 6: 60周岁至69周岁 5折, 70周岁及以上 free
  { id: '6-bus-half-price', bound: 'min', age: 60, record: {}, inside: 'receiving' },
  { id: '6-bus-half-price', bound: 'max', age: 69, record: {}, inside: 'receiving' },
  { id: '6-bus-free', bound: 'min', age: 70, record: {}, inside: 'receiving' },
  // 7: legal aid for 老年人; notarisation 70周岁至80周岁 half, 超过80周岁 free
  { id: '7-legal-aid', bound: 'min', age: 60, record: {}, inside: 'ask-staff' },
  { id: '7-notary-half-price', bound: 'min', age: 70, record: {}, inside: 'can-apply' },
  { id: '7-notary-half-price', bound: 'max', age: 80, record: {}, inside: 'can-apply' },
  { id: '7-notary-free', bound: 'min', age: 81, record: {}, inside: 'can-apply' },
  { id: '8-accident-insurance', bound: 'min', age: 60, record: {}, inside: 'receiving' },
  { id: '9-meal-discount', bound: 'min', age: 60, record: {}, inside: 'receiving' },
  // 10: 80周岁以上 高龄津贴, 100周岁以上 长寿保健补助金
  { id: '10-high-age-allowance', bound: 'min', age: 80, record: {}, inside: 'can-apply' },
  { id: '10-longevity-allowance', bound: 'min', age: 100, record: {}, inside: 'can-apply' },
  { id: '11-care-service-80', bound: 'min', age: 80, record: disabled, inside: 'can-apply' },
  { id: '12-accident-insurance-80', bound: 'min', age: 80, record: {}, inside: 'receiving' },
  { id: '13-birthday-greeting', bound: 'min', age: 80, record: {}, inside: 'receiving' },
  { id: '14-centenarian-visit', bound: 'min', age: 100, record: {}, inside: 'receiving' },
  { id: '15-care-subsidy', bound: 'min', age: 60, record: poor, inside: 'can-apply' },
  {
    id: '16-accident-insurance-hardship',
    bound: 'min',
    age: 60,
    record: { economic: 'hardship' },
    inside: 'receiving',
  },
  { id: '17-institution-subsidy', bound: 'min', age: 60, record: poor, inside: 'can-apply' },
  { id: '18-home-adaptation', bound: 'min', age: 60, record: poor, inside: 'can-apply' },
  { id: '19-nursing-subsidy', bound: 'min', age: 60, record: disabled, inside: 'ask-staff' },
  { id: '20-family-carer-training', bound: 'min', age: 60, record: disabled, inside: 'ask-staff' },
  {
    id: '21-tekun-dispersed',
    bound: 'min',
    age: 60,
    record: { economic: 'tekun' },
    inside: 'receiving',
  },
  {
    id: '22-tekun-centralised',
    bound: 'min',
    age: 60,
    record: { economic: 'tekun' },
    inside: 'can-apply',
  },
  { id: '23-dibao-extra-support', bound: 'min', age: 60, record: poor, inside: 'ask-staff' },
  { id: '24-visits', bound: 'min', age: 60, record: { living: 'alone' }, inside: 'receiving' },
  // *25: 80 周岁以上 独居、空巢 / 孤寡, or a 困难家庭 elder (60+)
  { id: '25-red-green-buttons', bound: 'min', age: 60, record: poor, inside: 'can-apply' },
  {
    id: '25-red-green-buttons',
    bound: 'min',
    age: 80,
    record: { living: 'alone' },
    inside: 'can-apply',
  },
  {
    id: '25-red-green-buttons',
    bound: 'min',
    age: 80,
    record: { living: 'with-family' }, // 孤寡? only staff can tell
    inside: 'ask-staff',
  },
  {
    id: '26-medicine-delivery',
    bound: 'min',
    age: 60,
    record: { specialFamily: true },
    inside: 'can-apply',
  },
  // *27: 60 周岁以上 困难家庭、计生特殊家庭 轻度失能以上; 空巢、独居 80 周岁以上
  {
    id: '27-meal-extra-discount',
    bound: 'min',
    age: 60,
    record: { economic: 'hardship', selfCare: 'mild' },
    inside: 'receiving',
  },
  {
    id: '27-meal-extra-discount',
    bound: 'min',
    age: 80,
    record: { living: 'empty-nest' },
    inside: 'receiving',
  },
  {
    id: '28-priority-admission',
    bound: 'min',
    age: 60,
    record: { specialFamily: true },
    inside: 'can-apply',
  },
  {
    id: '29-disability-living-subsidy',
    bound: 'min',
    age: 60,
    record: { economic: 'dibao', disability: { grade: 3, type: 'physical' } },
    inside: 'can-apply',
  },
  {
    id: '29-severe-disability-nursing-subsidy',
    bound: 'min',
    age: 60,
    record: { disability: { grade: 1, type: 'physical' } },
    inside: 'can-apply',
  },
  {
    id: '30-vagrant-relief',
    bound: 'min',
    age: 60,
    record: { living: undefined },
    inside: 'ask-staff',
  },
  {
    id: '31-merit-institution',
    bound: 'min',
    age: 60,
    record: { merit: 'veteran' },
    inside: 'can-apply',
  },
  {
    id: '32-merit-home-care-priority',
    bound: 'min',
    age: 60,
    record: { merit: 'martyr-family' },
    inside: 'can-apply',
  },
  {
    id: '33-heroic-disabled-support',
    bound: 'min',
    age: 60,
    record: disabled,
    inside: 'ask-staff',
  },
  // 34: 男性年满 60 周岁, 女性年满 55 周岁 — or any age with a 居住证 and living with the child,
  // so below the age the item stays open on that route alone
  {
    id: '34-join-child-hukou',
    bound: 'min',
    age: 60,
    record: { hukou: 'nonlocal', gender: 'male' },
    inside: 'ask-staff',
    outside: 'ask-staff',
    outsideAsks: '居住证',
  },
  {
    id: '34-join-child-hukou',
    bound: 'min',
    age: 55,
    record: { hukou: 'nonlocal', gender: 'female' },
    inside: 'ask-staff',
    outside: 'ask-staff',
    outsideAsks: '居住证',
  },
];

/** Born so that on ON the elder is inside, or just outside, the limit. */
function birthDates(l: AgeLimit): { inside: string; outside: string } {
  return l.bound === 'min'
    ? { inside: turnsToday(l.age), outside: turnsTomorrow(l.age) }
    : { inside: turnsTomorrow(l.age + 1), outside: turnsToday(l.age + 1) };
}

function entitlement(id: string, record: Partial<EngineElder>) {
  const found = computeEntitlements(elder(record), nanxun, ON).find((e) => e.id === id);
  if (!found) throw new Error(`no entitlement ${id}`);
  return found;
}

const label = (l: AgeLimit): string => `${l.id} ${l.bound} ${l.age} (${JSON.stringify(l.record)})`;

/** Every age limit in an audience, at any depth, as "id min 60". */
function limitsIn(id: string, conditions: readonly Condition[]): string[] {
  return conditions.flatMap((c): string[] => {
    if (c.if === 'age')
      return [
        ...(c.min === undefined ? [] : [`${id} min ${c.min}`]),
        ...(c.max === undefined ? [] : [`${id} max ${c.max}`]),
      ];
    if (c.if === 'allOf' || c.if === 'anyOf') return limitsIn(id, c.of);
    return [];
  });
}

describe('nanxun-2023: every age limit, at the limit and a day outside it', () => {
  it.each(limits.map((l) => [label(l), l] as const))('%s', (_name, l) => {
    const born = birthDates(l);
    const inside = entitlement(l.id, { ...l.record, birthDate: born.inside });
    const outside = entitlement(l.id, { ...l.record, birthDate: born.outside });
    expect(inside.status, 'inside').toBe(l.inside);
    expect(outside.status, 'outside').toBe(l.outside ?? 'not-eligible');
    if (l.outsideAsks) expect(outside.explanation['zh-CN']).toContain(l.outsideAsks);
    if (l.outsideAsks) expect(inside.explanation['zh-CN']).not.toContain(l.outsideAsks);
  });

  it('knows every age limit the pack has, and the pack has every limit listed here', () => {
    const inPack = new Set(nanxun.items.flatMap((item) => limitsIn(item.id, item.audience)));
    const listed = new Set(limits.map((l) => `${l.id} ${l.bound} ${l.age}`));
    expect([...inPack].sort()).toEqual([...listed].sort());
  });
});
