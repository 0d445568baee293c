import { z } from 'zod';

/**
 * The station's meal prices by tier (config section `meals`). A tier is chosen by the entitlement
 * the elder receives under the station's policy pack; the funders' shares follow seed 002's
 * 政府补一点、企业让一点、慈善捐一点、个人掏一点. A share is a fixed amount per portion in fen or a
 * percent of the dish price; the personal part is what is left, never below `minPersonalFen`.
 */
const share = z.union([
  z.object({ fen: z.number().int().min(0).max(100_000) }).strict(),
  z.object({ percent: z.number().int().min(0).max(100) }).strict(),
]);

export const mealTierSchema = z
  .object({
    id: z.string().min(1).max(40),
    /** the policy-pack item id that puts an elder in this tier (e.g. "27-meal-extra-discount") */
    entitlement: z.string().min(1).max(80),
    government: share,
    enterprise: share,
    charity: share,
    /** 个人掏一点: the elder always pays at least this much of a subsidised portion */
    minPersonalFen: z.number().int().min(0).max(100_000),
    /** may order delivery (送餐上门) */
    delivery: z.boolean(),
    /** the delivery fee is paid by `deliveryFunder` instead of the elder (Nanxun item 27) */
    freeDelivery: z.boolean(),
    /**
     * charity's part of the delivery fee when it is not free (Nanxun item 9: 60+ elders' 堂食和配送
     * 由慈善捐助，实行优惠); absent: the elder pays the whole fee
     */
    deliveryCharity: share.optional(),
  })
  .strict();

export const mealsConfigSchema = z
  .object({
    /** most generous first: the first tier whose entitlement the elder receives applies */
    tiers: z.array(mealTierSchema).max(10),
    deliveryFeeFen: z.number().int().min(0).max(100_000),
    deliveryFunder: z.enum(['government', 'enterprise', 'charity']),
    /** most portions in one order (the first may be subsidised, the rest are at full price) */
    maxPortions: z.number().int().min(1).max(10),
  })
  .strict();

export type MealTier = z.infer<typeof mealTierSchema>;
export type MealsConfig = z.infer<typeof mealsConfigSchema>;
export type Share = z.infer<typeof share>;

/**
 * The Nanxun demo station: item 9 (every 60+ elder: charity and the canteen's enterprise give a
 * discount) and item 27 (hardship groups: the government adds to it, delivery is free).
 */
export const defaultMealsConfig: MealsConfig = {
  tiers: [
    {
      id: 'hardship',
      entitlement: '27-meal-extra-discount',
      government: { fen: 500 },
      enterprise: { fen: 100 },
      charity: { fen: 200 },
      minPersonalFen: 200,
      delivery: true,
      freeDelivery: true,
    },
    {
      id: 'elder',
      entitlement: '9-meal-discount',
      government: { fen: 0 },
      enterprise: { fen: 100 },
      charity: { fen: 200 },
      minPersonalFen: 200,
      delivery: true,
      freeDelivery: false,
      // Item 9 names charity for delivery too but no amount: the demo's 1.00 of the 3.00 fee.
      deliveryCharity: { fen: 100 },
    },
  ],
  deliveryFeeFen: 300,
  deliveryFunder: 'government',
  maxPortions: 4,
};

/**
 * What is wrong with a station's meal tiers against its policy pack, one line per problem naming
 * the config key: a tier whose entitlement is not an item of the pack would silently never match
 * (every elder would pay the full price), and two tiers with one id could not be told apart on
 * an order.
 */
export function mealTierProblems(
  meals: MealsConfig,
  pack: { id: string; items: readonly { id: string }[] },
): string[] {
  const items = new Set(pack.items.map((i) => i.id));
  const problems: string[] = [];
  const seen = new Set<string>();
  meals.tiers.forEach((tier, i) => {
    if (!items.has(tier.entitlement))
      problems.push(
        `'meals.tiers[${i}].entitlement': '${tier.entitlement}' is not an item of policy pack ${pack.id} (its items: ${[...items].join(', ')})`,
      );
    if (tier.id === 'standard')
      problems.push(`'meals.tiers[${i}].id': 'standard' is the name of the full-price tier`);
    else if (seen.has(tier.id))
      problems.push(`'meals.tiers[${i}].id': '${tier.id}' is used by an earlier tier`);
    seen.add(tier.id);
  });
  return problems;
}
