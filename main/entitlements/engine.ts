import type { Entitlement, EntitlementStatus, LocalText } from '../../contract/calls/benefit-calls';
import type { ElderRecord } from '../../contract/elder';
import type { PackItem, PolicyPack } from '../../policies/schema';
import { ageInZhousui, anniversary, formatYmd, parseYmd } from './calendar';
import { evaluateAudience, heldFragments, missingLabel, type Verdict } from './conditions';
import { resolveExclusiveGroups } from './exclusivity';
import { join, t } from './labels';
import { whatToDo } from './what-to-do';

/** An entitlement before exclusivity, which can still change its status and so what to do. */
export type Undecided = Omit<Entitlement, 'whatToDo'>;

/**
 * What the engine reads: an elder record with any field possibly missing (a roster row from an
 * older platform, a CLI file written by hand). Its optional `receiving` lists the pack item ids
 * the platform already pays this elder (an allowance applied for and granted).
 */
export type EngineElder = Partial<ElderRecord>;

/** Years between assessments for a tracked item, by its cadence. */
const cadenceYears = { yearly: 1, biennial: 2 } as const;

function statusWhenEligible(
  item: PackItem,
  elder: EngineElder,
  on: string,
): { status: EntitlementStatus; dueOn: string | null; note: LocalText | null; missing: string[] } {
  if (item.dueFrom !== undefined && (item.cadence === 'yearly' || item.cadence === 'biennial')) {
    const last = elder[item.dueFrom];
    if (last === undefined) {
      return { status: 'ask-staff', dueOn: null, note: null, missing: [item.dueFrom] };
    }
    if (last === null) {
      return {
        status: 'due',
        dueOn: on,
        note: t('从未评估过', 'never assessed'),
        missing: [],
      };
    }
    const lastDate = parseYmd(last);
    if (!lastDate) return { status: 'ask-staff', dueOn: null, note: null, missing: [item.dueFrom] };
    const dueOn = formatYmd(anniversary(lastDate, cadenceYears[item.cadence]));
    const note = t(
      `上次评估 ${last}，${dueOn} 起可再评估`,
      `last assessed ${last}, next from ${dueOn}`,
    );
    return { status: dueOn <= on ? 'due' : 'receiving', dueOn, note, missing: [] };
  }
  const applied = elder.receiving?.includes(item.id) ?? false;
  if (item.claim.how === 'automatic' || applied)
    return { status: 'receiving', dueOn: null, note: null, missing: [] };
  if (item.claim.how === 'card') {
    // Used with the elder card: a card on record means they have it; a record that does not say
    // (a hand-written kioskctl file without `cards`) cannot tell, so staff check.
    if (elder.cards === undefined)
      return { status: 'ask-staff', dueOn: null, note: null, missing: ['cards'] };
    const status = elder.cards.length > 0 ? 'receiving' : 'can-apply';
    return { status, dueOn: null, note: null, missing: [] };
  }
  return { status: 'can-apply', dueOn: null, note: null, missing: [] };
}

function explain(
  verdict: Verdict,
  age: number | null,
  extra: LocalText | null,
  missing: string[],
): LocalText {
  if (verdict.value === 'no') return join(verdict.failed);
  const fragments = heldFragments(verdict, age);
  const held = extra ? [...fragments, extra] : fragments;
  const open = [
    ...verdict.open,
    ...missing.map((f) => {
      const label = missingLabel(f);
      return t(`档案缺少${label['zh-CN']}`, `the record lacks ${label.en}`);
    }),
  ];
  if (open.length === 0) return join(held);
  const check = join(open, '；', '; ');
  const ask = t(`需工作人员核实：${check['zh-CN']}`, `staff to check: ${check.en}`);
  return join([...held, ask]);
}

function entitle(
  item: PackItem,
  pack: PolicyPack,
  elder: EngineElder,
  on: string,
  age: number | null,
): Undecided {
  const verdict = evaluateAudience(item.audience, { elder, age });
  let status: EntitlementStatus;
  let dueOn: string | null = null;
  let extra: LocalText | null = null;
  const missing = [...verdict.missing];
  if (verdict.value === 'no') status = 'not-eligible';
  else if (verdict.value === 'unknown') status = 'ask-staff';
  else {
    const eligible = statusWhenEligible(item, elder, on);
    ({ status, dueOn } = eligible);
    extra = eligible.note;
    missing.push(...eligible.missing);
  }
  const benefit = item.benefit;
  return {
    id: item.id,
    item: item.citation.item,
    local: item.local,
    title: item.title,
    group: item.group,
    status,
    kind: benefit.kind,
    amountFen:
      benefit.kind === 'allowance'
        ? { monthly: benefit.monthlyFen, atLeast: benefit.atLeast }
        : null,
    pricePercent: benefit.kind === 'discount' ? (benefit.pricePercent ?? null) : null,
    freeDelivery: benefit.kind === 'discount' ? (benefit.freeDelivery ?? false) : false,
    cadence: item.cadence,
    claim: item.claim,
    dueOn,
    explanation: explain(verdict, age, extra, status === 'ask-staff' ? missing : []),
    missingFields: [...new Set(missing)],
    citation: {
      file: item.citation.file,
      document: pack.source.document,
      item: item.citation.item,
      quote: item.citation.quote,
    },
  };
}

/**
 * Every item of the pack for one elder on one date (YYYY-MM-DD, Asia/Shanghai), in pack order.
 * Pure: the same elder, pack and date always give the same answer. Throws RangeError for a date
 * that is not a real calendar date.
 */
export function computeEntitlements(
  elder: EngineElder,
  pack: PolicyPack,
  on: string,
): Entitlement[] {
  const day = parseYmd(on);
  if (!day) throw new RangeError(`not a date as YYYY-MM-DD: ${on}`);
  const birth = elder.birthDate === undefined ? null : parseYmd(elder.birthDate);
  const age = birth ? ageInZhousui(birth, day) : null;
  const all = pack.items.map((item) => entitle(item, pack, elder, on, age));
  return resolveExclusiveGroups(all, pack).map((e) => ({ ...e, whatToDo: whatToDo(e) }));
}

/** 周岁 on a date, or null without a (valid) birth date: for views and reminders. */
export function ageOn(elder: EngineElder, on: string): number | null {
  const day = parseYmd(on);
  const birth = elder.birthDate === undefined ? null : parseYmd(elder.birthDate);
  return day && birth ? ageInZhousui(birth, day) : null;
}
