import type { Entitlement } from '../../contract/calls/benefit-calls';
import type { Undecided } from './engine';
import type { PolicyPack } from '../../policies/schema';
import { join, money, t } from './labels';

const paid = new Set<Entitlement['status']>(['receiving', 'can-apply', 'due']);

/**
 * Items sharing an exclusiveGroup are never paid together (南浔 item 10: 高龄津贴 and
 * 长寿保健补助金 "不重复享受"). Among those the elder qualifies for, the largest monthly amount wins
 * (the pack's earlier item on a tie); the others become not-eligible and say why.
 */
export function resolveExclusiveGroups(all: Undecided[], pack: PolicyPack): Undecided[] {
  const groupOf = new Map(pack.items.map((i) => [i.id, i.exclusiveGroup]));
  const winners = new Map<string, Undecided>();
  for (const e of all) {
    const group = groupOf.get(e.id);
    if (group === undefined || !paid.has(e.status)) continue;
    const best = winners.get(group);
    if (!best || (e.amountFen?.monthly ?? 0) > (best.amountFen?.monthly ?? 0))
      winners.set(group, e);
  }
  return all.map((e) => {
    const group = groupOf.get(e.id);
    const winner = group === undefined ? undefined : winners.get(group);
    if (!winner || winner.id === e.id || !paid.has(e.status)) return e;
    const amount = money(winner.amountFen?.monthly ?? 0);
    const why = t(
      `不重复享受：改享${winner.title['zh-CN']}（每月 ${amount['zh-CN']}，金额更高）`,
      `not paid together with the ${winner.title.en} (${amount.en} a month, the larger)`,
    );
    return { ...e, status: 'not-eligible', dueOn: null, explanation: join([e.explanation, why]) };
  });
}
