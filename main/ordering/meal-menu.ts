import { prepared } from './prepared';
import type {
  MealQuote,
  MenuDish,
  MenuSitting,
  MenuView,
  Sitting,
} from '../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../contract/elder';
import { shanghaiDate } from '../clock';
import type { Db } from '../store/open-database';
import { decideTier, type TierDecision } from './meal-tier';
import { deliverySplit, priceMeal } from './meal-pricing';
import type { OrderingContext } from './ordering-context';
import { refuse } from './refusal';

interface MenuRow {
  dish_id: string;
  name: string;
  icon: string;
  tags: string;
  price_fen: number;
  portions: number;
  cutoff: string;
  sold: number;
}

/** One sitting's dishes with what is left: portions on the menu less those in placed orders. */
export function menuRows(db: Db, date: string, sitting: Sitting): MenuRow[] {
  return prepared(
    db,
    `SELECT m.dish_id, d.name, d.icon, d.tags, d.price_fen, m.portions, m.cutoff,
        (SELECT coalesce(sum(o.quantity), 0) FROM meal_orders o
          WHERE o.date = m.date AND o.sitting = m.sitting AND o.dish_id = m.dish_id AND o.status = 'placed') AS sold
       FROM menu_items m JOIN dishes d ON d.id = m.dish_id
       WHERE m.date = ? AND m.sitting = ? ORDER BY d.name`,
  ).all(date, sitting) as MenuRow[];
}

/** Orders close at the cut-off instant itself; the stored cut-off carries its +08:00 offset. */
export const beforeCutoff = (cutoff: string, now: Date): boolean =>
  now.getTime() < Date.parse(cutoff);

/** Whether the elder already has a (placed) subsidised meal in this sitting. */
export function subsidisedUsed(db: Db, elderId: string, date: string, sitting: Sitting): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM meal_orders WHERE elder_id = ? AND date = ? AND sitting = ?
          AND subsidised = 1 AND status = 'placed' LIMIT 1`,
    ).get(elderId, date, sitting) !== undefined
  );
}

export function tierFor(ctx: OrderingContext, elder: ElderRecord, date: string): TierDecision {
  return decideTier(elder, ctx.pack, ctx.meals, date);
}

/** The day's menu with this elder's prices for one portion eaten in. */
export function menuFor(ctx: OrderingContext, elder: ElderRecord, date?: string): MenuView {
  const day = date ?? shanghaiDate(ctx.now());
  const decision = tierFor(ctx, elder, day);
  const now = ctx.now();
  const sittings: MenuSitting[] = (['lunch', 'dinner'] as const).flatMap((sitting) => {
    const rows = menuRows(ctx.db, day, sitting);
    if (rows.length === 0) return [];
    const used = subsidisedUsed(ctx.db, elder.id, day, sitting);
    const dishes: MenuDish[] = rows.map((r) => ({
      id: r.dish_id,
      name: r.name,
      icon: r.icon,
      tags: JSON.parse(r.tags) as string[],
      portionsLeft: Math.max(0, r.portions - r.sold),
      fullFen: r.price_fen,
      elderFen: priceMeal(
        {
          dishFen: r.price_fen,
          quantity: 1,
          delivery: false,
          tier: decision.tier,
          subsidisedUsed: used,
        },
        ctx.meals,
      ).total.personal,
    }));
    const cutoff = rows[0]?.cutoff ?? '';
    return [
      { sitting, date: day, cutoff, open: beforeCutoff(cutoff, now), subsidisedUsed: used, dishes },
    ];
  });
  const today = shanghaiDate(now);
  return {
    date: day,
    day: day === today ? 'today' : day === nextDate(today) ? 'tomorrow' : 'later',
    tier: decision.snapshot.tier,
    delivery: {
      allowed: decision.tier?.delivery ?? false,
      feeFen: ctx.meals.deliveryFeeFen,
      elderFeeFen: deliverySplit(decision.tier, ctx.meals).personal,
      free: decision.tier?.freeDelivery ?? false,
    },
    sittings,
  };
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The menu an elder can still order from: today's while a sitting is open, otherwise the next
 * day's (after the dinner cut-off, elders order tomorrow's lunch), looking at most a week ahead.
 */
export function orderableMenu(ctx: OrderingContext, elder: ElderRecord): MenuView {
  const today = menuFor(ctx, elder);
  let menu = today;
  for (let i = 0; i < 7 && !menu.sittings.some((s) => s.open); i++) {
    menu = menuFor(ctx, elder, nextDate(menu.date));
  }
  return menu.sittings.some((s) => s.open) ? menu : today;
}

export interface MealChoice {
  date: string;
  sitting: Sitting;
  dishId: string;
  quantity: number;
  delivery: boolean;
}

/**
 * Prices a choice for this elder now, refusing what cannot be ordered: a dish not on that menu,
 * after the cut-off, more than is left, delivery for a tier without it. Runs inside the order's
 * transaction too, so what is checked is what is committed.
 */
export function quoteMeal(
  ctx: OrderingContext,
  elder: ElderRecord,
  choice: MealChoice,
): { quote: MealQuote; decision: TierDecision; subsidised: boolean } {
  const row = menuRows(ctx.db, choice.date, choice.sitting).find(
    (r) => r.dish_id === choice.dishId,
  );
  if (!row)
    refuse(
      'not-on-menu',
      `${choice.dishId} is not on the ${choice.sitting} menu of ${choice.date}`,
    );
  if (!beforeCutoff(row.cutoff, ctx.now()))
    refuse('after-cutoff', `${choice.sitting} on ${choice.date} closed at ${row.cutoff}`);
  if (choice.quantity > ctx.meals.maxPortions)
    refuse('too-many-portions', `at most ${ctx.meals.maxPortions} portions in one order`);
  const left = row.portions - row.sold;
  if (choice.quantity > left)
    refuse('sold-out', `${row.name}: ${Math.max(0, left)} portions left, ${choice.quantity} asked`);
  const decision = tierFor(ctx, elder, choice.date);
  if (choice.delivery && !(decision.tier?.delivery ?? false))
    refuse('delivery-not-allowed', `tier ${decision.snapshot.tier} has no delivery`);
  const used = subsidisedUsed(ctx.db, elder.id, choice.date, choice.sitting);
  const priced = priceMeal(
    {
      dishFen: row.price_fen,
      quantity: choice.quantity,
      delivery: choice.delivery,
      tier: decision.tier,
      subsidisedUsed: used,
    },
    ctx.meals,
  );
  return {
    quote: {
      date: choice.date,
      sitting: choice.sitting,
      dish: { id: row.dish_id, name: row.name, icon: row.icon },
      quantity: choice.quantity,
      delivery: choice.delivery,
      tier: decision.snapshot.tier,
      lines: priced.lines,
      total: priced.total,
    },
    decision,
    subsidised: priced.lines.some((l) => l.kind === 'subsidised-portion'),
  };
}
