import type { FunderSplit, QuoteLine } from '../../contract/calls/ordering-calls';
import { addSplits, paidBy, splitPrice } from './funder-split';
import type { MealTier, MealsConfig } from './meals-config';

export interface MealPriceInput {
  dishFen: number;
  quantity: number;
  delivery: boolean;
  /** null: the standard tier (no discount) */
  tier: MealTier | null;
  /** the elder already had a subsidised meal in this sitting: every portion is at full price */
  subsidisedUsed: boolean;
}

/**
 * Who pays the delivery fee: the configured funder for tiers with free delivery (item 27),
 * charity's share and the elder the rest for tiers with one (item 9), otherwise the elder.
 */
export function deliverySplit(tier: MealTier | null, meals: MealsConfig): FunderSplit {
  if (tier?.freeDelivery) return paidBy(meals.deliveryFeeFen, meals.deliveryFunder);
  if (tier?.deliveryCharity)
    return splitPrice(
      meals.deliveryFeeFen,
      { government: { fen: 0 }, enterprise: { fen: 0 }, charity: tier.deliveryCharity },
      0,
    );
  return paidBy(meals.deliveryFeeFen, 'personal');
}

/**
 * Prices one order line by line: at most one subsidised portion per sitting (the tier's split),
 * every further portion at full price, then the delivery fee (`deliverySplit`). The total is the sum of the lines, so it sums exactly too.
 */
export function priceMeal(
  input: MealPriceInput,
  meals: MealsConfig,
): { lines: QuoteLine[]; total: FunderSplit } {
  const lines: QuoteLine[] = [];
  const { tier } = input;
  for (let i = 0; i < input.quantity; i++) {
    const subsidised = tier !== null && !input.subsidisedUsed && i === 0;
    lines.push(
      subsidised
        ? {
            kind: 'subsidised-portion',
            split: splitPrice(input.dishFen, tier, tier.minPersonalFen),
          }
        : { kind: 'full-price-portion', split: paidBy(input.dishFen, 'personal') },
    );
  }
  if (input.delivery) lines.push({ kind: 'delivery', split: deliverySplit(tier, meals) });
  return { lines, total: addSplits(lines.map((l) => l.split)) };
}
