import type { LocalText } from '../../contract/calls/benefit-calls';
import type { ElderRecord } from '../../contract/elder';
import type { Condition } from '../../policies/schema';
import { disabilityTypeLabels, fieldLabels, gradeLabel, join, t, valueLabels } from './labels';

/**
 * Three-valued evaluation of a pack audience. "unknown" is a first-class answer: a field missing
 * from the record, or a fact the record cannot hold, makes the item "ask staff" rather than a
 * guessed yes or no. Each verdict carries the words for the explanation.
 */
/** An age rule of the pack: `min`/`max` in 周岁, inclusive. */
export interface AgeRule {
  min?: number | undefined;
  max?: number | undefined;
}

export interface Verdict {
  value: 'yes' | 'no' | 'unknown';
  /** the conditions that held, as explanation fragments (age rules apart, in `ages`) */
  held: LocalText[];
  /**
   * the age rules that held: kept apart so that an audience with two (item 25's 60 周岁以上 and,
   * in a branch, 80 周岁以上) states the elder's age once, with the rule they make together
   */
  ages: AgeRule[];
  /** the conditions that did not hold (for "no") */
  failed: LocalText[];
  /** what staff must check (for "unknown") */
  open: LocalText[];
  /** record fields that were needed and missing */
  missing: string[];
}

export interface ConditionContext {
  elder: Partial<ElderRecord>;
  /** 周岁 on the evaluation date; null when the record has no birth date */
  age: number | null;
}

const yes = (held: LocalText): Verdict => ({
  value: 'yes',
  held: [held],
  ages: [],
  failed: [],
  open: [],
  missing: [],
});
const no = (failed: LocalText): Verdict => ({
  value: 'no',
  held: [],
  ages: [],
  failed: [failed],
  open: [],
  missing: [],
});
const missingField = (field: string): Verdict => ({
  value: 'unknown',
  held: [],
  ages: [],
  failed: [],
  open: [],
  missing: [field],
});
const verdict = (ok: boolean, held: LocalText, failed: LocalText): Verdict =>
  ok ? yes(held) : no(failed);

function ageRule({ min, max }: AgeRule): LocalText {
  if (min !== undefined && max !== undefined) return t(`${min}–${max} 周岁`, `${min} to ${max}`);
  if (min !== undefined) return t(`${min} 周岁以上`, `${min} or over`);
  return t(`${max} 周岁以下`, `${max} or under`);
}

/** The rule several age rules that all held make together: the highest min, the lowest max. */
function together(rules: readonly AgeRule[]): AgeRule {
  const mins = rules.flatMap((r) => (r.min === undefined ? [] : [r.min]));
  const maxes = rules.flatMap((r) => (r.max === undefined ? [] : [r.max]));
  return {
    min: mins.length > 0 ? Math.max(...mins) : undefined,
    max: maxes.length > 0 ? Math.min(...maxes) : undefined,
  };
}

/**
 * What held, as explanation fragments: the elder's age once with the rule the held age rules make
 * together ("100 周岁，80 周岁以上", not that and "100 周岁，60 周岁以上"), then the rest.
 */
export function heldFragments(v: Verdict, age: number | null): LocalText[] {
  if (v.ages.length === 0 || age === null) return v.held;
  const rule = ageRule(together(v.ages));
  return [t(`${age} 周岁，${rule['zh-CN']}`, `aged ${age}, ${rule.en}`), ...v.held];
}

type EnumField = keyof typeof valueLabels;

function enumCondition(field: EnumField, allowed: readonly string[], ctx: ConditionContext) {
  const value = ctx.elder[field];
  if (value === undefined) return missingField(field);
  const labels: Record<string, LocalText> = valueLabels[field];
  const label = labels[value] ?? t(value, value);
  const wanted = join(
    allowed.map((a) => labels[a] ?? t(a, a)),
    '、',
    ', ',
  );
  return verdict(
    allowed.includes(value),
    label,
    t(`${label['zh-CN']}（需为：${wanted['zh-CN']}）`, `${label.en} (needs: ${wanted.en})`),
  );
}

const flagLabels = {
  specialFamily: [
    t('计划生育特殊家庭', 'special family (lost their only child)'),
    t('非计划生育特殊家庭', 'not a special family'),
  ],
  medicalInsurance: [
    t('参加基本医疗保险', 'has basic medical insurance'),
    t('未参加基本医疗保险', 'no basic medical insurance'),
  ],
} as const;

function flagCondition(
  field: 'specialFamily' | 'medicalInsurance',
  is: boolean,
  ctx: ConditionContext,
) {
  const value = ctx.elder[field];
  if (value === undefined) return missingField(field);
  const [whenTrue, whenFalse] = flagLabels[field];
  const label = value ? whenTrue : whenFalse;
  return verdict(value === is, label, label);
}

function disabilityCondition(
  grades: readonly number[],
  types: readonly (keyof typeof disabilityTypeLabels)[] | undefined,
  ctx: ConditionContext,
): Verdict {
  const value = ctx.elder.disability;
  if (value === undefined) return missingField('disability');
  if (value === null) return no(t('无残疾登记', 'no recorded disability'));
  const grade = gradeLabel(value.grade);
  const type = disabilityTypeLabels[value.type];
  const label = t(`${type['zh-CN']}残疾${grade['zh-CN']}`, `${type.en} disability, ${grade.en}`);
  const ok = grades.includes(value.grade) && (types === undefined || types.includes(value.type));
  const wanted = t(
    `${(types ?? []).map((x) => disabilityTypeLabels[x]['zh-CN']).join('、')}残疾${grades.map((g) => gradeLabel(g)['zh-CN']).join('、')}`,
    `${(types ?? []).map((x) => disabilityTypeLabels[x].en).join(', ')} disability of ${grades.map((g) => gradeLabel(g).en).join(', ')}`.trim(),
  );
  return verdict(
    ok,
    label,
    t(`${label['zh-CN']}（需为：${wanted['zh-CN']}）`, `${label.en} (needs: ${wanted.en})`),
  );
}

/** All must hold: one "no" decides; otherwise any "unknown" leaves it open. */
function allOf(verdicts: Verdict[]): Verdict {
  const failed = verdicts.filter((v) => v.value === 'no');
  if (failed.length > 0) return { ...no(t('', '')), failed: failed.flatMap((v) => v.failed) };
  const held = verdicts.flatMap((v) => v.held);
  const ages = verdicts.flatMap((v) => v.ages);
  const open = verdicts.filter((v) => v.value === 'unknown');
  if (open.length === 0) return { ...yes(t('', '')), held, ages };
  return {
    value: 'unknown',
    held,
    ages,
    failed: [],
    open: open.flatMap((v) => v.open),
    missing: open.flatMap((v) => v.missing),
  };
}

/** One must hold: one "yes" decides; all "no" decides; otherwise open. */
function anyOf(verdicts: Verdict[]): Verdict {
  const first = verdicts.find((v) => v.value === 'yes');
  if (first) return first;
  const open = verdicts.filter((v) => v.value === 'unknown');
  if (open.length === 0) return { ...no(t('', '')), failed: verdicts.flatMap((v) => v.failed) };
  return {
    value: 'unknown',
    held: open.flatMap((v) => v.held),
    ages: open.flatMap((v) => v.ages),
    failed: [],
    open: open.flatMap((v) => v.open),
    missing: open.flatMap((v) => v.missing),
  };
}

export function evaluate(condition: Condition, ctx: ConditionContext): Verdict {
  switch (condition.if) {
    case 'age': {
      if (ctx.age === null) return missingField('birthDate');
      const { min, max } = condition;
      const ok = (min === undefined || ctx.age >= min) && (max === undefined || ctx.age <= max);
      if (ok) return { ...yes(t('', '')), held: [], ages: [{ min, max }] };
      const rule = ageRule({ min, max });
      return no(t(`${ctx.age} 周岁，不在 ${rule['zh-CN']}`, `aged ${ctx.age}, not ${rule.en}`));
    }
    case 'gender':
    case 'hukou':
    case 'living':
    case 'economic':
    case 'selfCare':
    case 'merit':
    case 'pension':
      return enumCondition(condition.if, condition.in, ctx);
    case 'specialFamily':
    case 'medicalInsurance':
      return flagCondition(condition.if, condition.is, ctx);
    case 'disability':
      return disabilityCondition(condition.grades, condition.types, ctx);
    case 'fact': {
      const rulesOut = condition.falseWhen ? evaluate(condition.falseWhen, ctx) : undefined;
      if (rulesOut?.value === 'yes') {
        const why = join(heldFragments(rulesOut, ctx.age), '，', ', ');
        return no(
          t(
            `不属于${condition.label['zh-CN']}（${why['zh-CN']}）`,
            `not ${condition.label.en} (${why.en})`,
          ),
        );
      }
      // a field the ruling-out needs is missing too: staff should know to fill it in
      const missing = rulesOut?.value === 'unknown' ? rulesOut.missing : [];
      return { value: 'unknown', held: [], ages: [], failed: [], open: [condition.label], missing };
    }
    case 'allOf':
      return allOf(condition.of.map((c) => evaluate(c, ctx)));
    case 'anyOf':
      return anyOf(condition.of.map((c) => evaluate(c, ctx)));
  }
}

/** An item's audience: every listed condition must hold. */
export const evaluateAudience = (audience: readonly Condition[], ctx: ConditionContext): Verdict =>
  allOf(audience.map((c) => evaluate(c, ctx)));

export const missingLabel = (field: string): LocalText => fieldLabels[field] ?? t(field, field);
