import type { ElderRecord } from '../../contract/elder';
import type { EntitlementStatus } from '../../contract/calls/benefit-calls';
import { ageOn, computeEntitlements } from '../entitlements/engine';
import type { PolicyPack } from '../../policies/schema';
import type { MealTier, MealsConfig } from './meals-config';

/**
 * What a price was decided with, stored on every order and booking so the platform (and an
 * auditor) can see why this elder paid this much on this day, even after the pack changes.
 */
export interface EntitlementSnapshot {
  pack: { id: string; version: string; hash: string } | null;
  on: string;
  age: number | null;
  tier: string;
  /** the items that price or subsidy rules read, with the status they had */
  entitlements: { id: string; status: EntitlementStatus }[];
}

/** Statuses that count: the elder receives it now (card items count once a card is on record). */
const counts = (s: EntitlementStatus): boolean => s === 'receiving';

export const STANDARD_TIER = 'standard';

export interface TierDecision {
  tier: MealTier | null;
  snapshot: EntitlementSnapshot;
  statuses: Map<string, EntitlementStatus>;
  /**
   * Items that make a station service cheaper: those the elder receives, and 'service' items
   * claimed at the counter that the elder can apply for — the station's counter (and its kiosk)
   * is where such a service is claimed, so booking it here is the claim.
   */
  serviceEligible: Set<string>;
}

/**
 * Decides the elder's meal tier with the entitlement engine: the first configured tier whose
 * item the elder receives. No pack, or no such item, means the standard (full) price. An item the
 * record cannot decide ("ask staff") does not give the discount here; staff can check it.
 */
export function decideTier(
  elder: ElderRecord,
  pack: PolicyPack | undefined,
  meals: MealsConfig,
  on: string,
  extraIds: readonly string[] = [],
): TierDecision {
  const statuses = new Map<string, EntitlementStatus>();
  const serviceEligible = new Set<string>();
  if (pack)
    for (const e of computeEntitlements(elder, pack, on)) {
      statuses.set(e.id, e.status);
      const counterService =
        e.status === 'can-apply' && e.kind === 'service' && e.claim.how === 'counter';
      if (counts(e.status) || counterService) serviceEligible.add(e.id);
    }
  const tier =
    meals.tiers.find((t) => {
      const s = statuses.get(t.entitlement);
      return s !== undefined && counts(s);
    }) ?? null;
  const read = new Set([...meals.tiers.map((t) => t.entitlement), ...extraIds]);
  return {
    tier,
    statuses,
    serviceEligible,
    snapshot: {
      pack: pack ? { id: pack.id, version: pack.version, hash: pack.hash } : null,
      on,
      age: ageOn(elder, on),
      tier: tier?.id ?? STANDARD_TIER,
      entitlements: [...read]
        .filter((id) => statuses.has(id))
        .map((id) => ({ id, status: statuses.get(id) ?? 'not-eligible' })),
    },
  };
}
