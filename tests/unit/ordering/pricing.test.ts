import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPrice } from '../../../main/ordering/funder-split';
import { menuFor } from '../../../main/ordering/meal-menu';
import { deliverySplit, priceMeal } from '../../../main/ordering/meal-pricing';
import { decideTier } from '../../../main/ordering/meal-tier';
import { defaultMealsConfig, type MealTier } from '../../../main/ordering/meals-config';
import { findPack } from '../../../policies/registry';
import { TODAY, demoStation, elder, younger } from './ordering-fixture';

const tier = (id: string): MealTier => {
  const t = defaultMealsConfig.tiers.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};
const pack = findPack('nanxun-2023');

describe('meal tiers from the Nanxun pack (seed 001 items 9 and 27)', () => {
  it.each([
    ['nx-0001', 'hardship', '83, living alone: 空巢、独居 80 周岁以上'],
    ['nx-0003', 'hardship', '69, 低保, mild loss of self-care'],
    ['nx-0005', 'hardship', '79, hardship family, mild loss of self-care'],
    ['nx-0002', 'elder', '62, with family: the 60+ discount only'],
    ['nx-0006', 'elder', '85 but living with family'],
    ['nx-0010', 'elder', '计生特殊家庭 but independent (27 needs 轻度失能以上)'],
    ['nx-0014', 'elder', 'turned 60 this year'],
  ])('%s is in the %s tier (%s)', (id, expected) => {
    const d = decideTier(elder(id), pack, defaultMealsConfig, TODAY);
    expect(d.tier?.id).toBe(expected);
    expect(d.snapshot.tier).toBe(expected);
    expect(d.snapshot.pack?.id).toBe('nanxun-2023');
  });

  it('an elder under 60 pays the standard price', () => {
    const d = decideTier(younger, pack, defaultMealsConfig, TODAY);
    expect(d.tier).toBeNull();
    expect(d.snapshot.tier).toBe('standard');
    expect(d.snapshot.entitlements).toContainEqual({
      id: '9-meal-discount',
      status: 'not-eligible',
    });
  });

  it('a station without a pack prices everyone at the standard tier', () => {
    expect(decideTier(elder('nx-0001'), undefined, defaultMealsConfig, TODAY).tier).toBeNull();
  });
});

describe('price table per tier (integer fen, funders sum to the full price)', () => {
  // dish, tier, delivery → government, enterprise, charity, personal
  it.each([
    [1500, null, false, 0, 0, 0, 1500],
    [1500, 'elder', false, 0, 100, 200, 1200],
    [1500, 'hardship', false, 500, 100, 200, 700],
    [1500, 'elder', true, 0, 100, 300, 1400], // delivery 300: charity 100 (item 9), the elder 200
    [1500, 'hardship', true, 800, 100, 200, 700], // 配送费全免: government pays the 300
    [600, 'hardship', false, 400, 0, 0, 200], // 个人掏一点: the elder still pays 2 yuan
    [600, 'elder', false, 0, 100, 200, 300],
    [300, 'elder', false, 0, 100, 0, 200],
    [150, 'hardship', false, 0, 0, 0, 150], // cheaper than the minimum: no subsidy needed
    [0, 'hardship', false, 0, 0, 0, 0],
  ] as const)('%i fen, tier %s, delivery %s → %i/%i/%i/%i', (dish, t, delivery, g, e, c, p) => {
    const { total } = priceMeal(
      { dishFen: dish, quantity: 1, delivery, tier: t ? tier(t) : null, subsidisedUsed: false },
      defaultMealsConfig,
    );
    expect(total).toEqual({
      fullFen: dish + (delivery ? 300 : 0),
      government: g,
      enterprise: e,
      charity: c,
      personal: p,
    });
  });

  it('one subsidised portion per sitting: the second portion and later meals are at full price', () => {
    const two = priceMeal(
      {
        dishFen: 1500,
        quantity: 2,
        delivery: false,
        tier: tier('hardship'),
        subsidisedUsed: false,
      },
      defaultMealsConfig,
    );
    expect(two.lines.map((l) => l.kind)).toEqual(['subsidised-portion', 'full-price-portion']);
    expect(two.total.personal).toBe(700 + 1500);
    const later = priceMeal(
      { dishFen: 1500, quantity: 1, delivery: false, tier: tier('hardship'), subsidisedUsed: true },
      defaultMealsConfig,
    );
    expect(later.total.personal).toBe(1500);
  });

  it('percent shares round down and the elder pays the remainder', () => {
    const split = splitPrice(
      999,
      { government: { percent: 33 }, enterprise: { percent: 33 }, charity: { percent: 33 } },
      0,
    );
    expect(split).toEqual({
      fullFen: 999,
      government: 329,
      enterprise: 329,
      charity: 329,
      personal: 12,
    });
  });

  const share = fc.oneof(
    fc.record({ fen: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({ percent: fc.integer({ min: 0, max: 100 }) }),
  );

  it('any price and any shares: whole fen, none negative, summing exactly, elder pays the minimum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        share,
        share,
        share,
        fc.integer({ min: 0, max: 5000 }),
        (price, government, enterprise, charity, min) => {
          const s = splitPrice(price, { government, enterprise, charity }, min);
          const parts = [s.government, s.enterprise, s.charity, s.personal];
          expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(price);
          expect(s.personal).toBeGreaterThanOrEqual(Math.min(min, price));
        },
      ),
    );
  });

  it('a more generous tier never costs the elder more (hardship ≤ elder ≤ standard)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.boolean(), (dish, delivery) => {
        const pay = (t: MealTier | null): number =>
          priceMeal(
            {
              dishFen: dish,
              quantity: 1,
              delivery: delivery && t !== null,
              tier: t,
              subsidisedUsed: false,
            },
            defaultMealsConfig,
          ).total.personal;
        const standard = pay(null);
        // Delivery is only for tiers; compare like with like.
        const elderPay = pay(tier('elder'));
        const hardshipPay = pay(tier('hardship'));
        expect(hardshipPay).toBeLessThanOrEqual(elderPay);
        if (!delivery) expect(elderPay).toBeLessThanOrEqual(standard);
      }),
    );
  });
});

describe('who pays the delivery fee (seed 001 items 9 and 27)', () => {
  const [hardship, elderTier] = defaultMealsConfig.tiers;
  it('item 27: free for the hardship tier; item 9: charity gives toward it for every 60+ elder', () => {
    expect(deliverySplit(hardship ?? null, defaultMealsConfig)).toMatchObject({
      government: 300,
      personal: 0,
    });
    expect(deliverySplit(elderTier ?? null, defaultMealsConfig)).toMatchObject({
      charity: 100,
      personal: 200,
    });
    expect(deliverySplit(null, defaultMealsConfig)).toMatchObject({ personal: 300 });
  });

  it('the menu shows the 60+ elder the fee they pay after charity’s share', () => {
    const station = demoStation();
    try {
      const menu = menuFor(station.ctx, elder('nx-0002'), TODAY);
      expect(menu.delivery).toEqual({ allowed: true, feeFen: 300, elderFeeFen: 200, free: false });
    } finally {
      station.db.close();
    }
  });
});
