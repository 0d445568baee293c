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
 * Prices one order line by line: at most one subsidised portion per sitting (the tier's split),
 * every further portion at full price, then the delivery fee (paid by the configured funder for
 * tiers with free delivery). The total is the sum of the lines, so it sums exactly too.
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
  if (input.delivery) {
    const free = tier?.freeDelivery ?? false;
    lines.push({
      kind: 'delivery',
      split: paidBy(meals.deliveryFeeFen, free ? meals.deliveryFunder : 'personal'),
    });
  }
  return { lines, total: addSplits(lines.map((l) => l.split)) };
}
