import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { refusalReason } from '../../../contract/calls/ordering-calls';
import { ApiRefusal } from '../../../main/api/dispatch';
import { balance, rowsOfRecord } from '../../../main/ordering/ledger';
import { menuFor } from '../../../main/ordering/meal-menu';
import {
  cancelMealOrder,
  placeMealOrder,
  type MealOrderRequest,
} from '../../../main/ordering/meal-orders';
import { confirmCashPayment } from '../../../main/ordering/cash-payments';
import { TODAY, at, count, demoStation, dishOf, elder, type Station } from './ordering-fixture';

let station: Station;
afterEach(() => station.db.close());

const order = (dishId: string, extra: Partial<MealOrderRequest> = {}): MealOrderRequest => ({
  uuid: randomUUID(),
  date: TODAY,
  sitting: 'lunch',
  dishId,
  quantity: 1,
  delivery: false,
  payment: 'meal-wallet',
  ...extra,
});

/** The refusal reason a call throws, or null when it succeeds. */
function reasonOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof ApiRefusal) return refusalReason(error.message);
    throw error;
  }
}

describe('placing a meal order', () => {
  it('writes the order, balanced ledger rows and one outbox row with the same uuid and sequence', () => {
    station = demoStation();
    const { ctx, db } = station;
    const dish = dishOf(db, 'lunch');
    const view = placeMealOrder(ctx, elder('nx-0002'), order(dish.id));
    expect(view.status).toBe('placed');
    expect(view.queueNumber).toBe('午001');
    expect(view.quote.tier).toBe('elder');
    expect(view.quote.total.personal).toBe(dish.priceFen - 300);
    const outbox = db.prepare('SELECT * FROM outbox WHERE uuid = ?').get(view.uuid) as {
      seq: number;
      type: string;
      payload: string;
    };
    expect(outbox.type).toBe('meal.order');
    expect(outbox.seq).toBe(view.seq);
    const payload = JSON.parse(outbox.payload) as {
      snapshot: { tier: string; pack: { id: string } };
    };
    expect(payload.snapshot.tier).toBe('elder');
    expect(payload.snapshot.pack.id).toBe('nanxun-2023');
    const rows = rowsOfRecord(db, view.uuid);
    expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(0);
    expect(rows.every((r) => r.seq === view.seq)).toBe(true);
    expect(balance(db, 'elder:meal-wallet', 'nx-0002')).toBe(10_000 - view.quote.total.personal);
    expect(view.ticket.queueNumber).toBe('午001');
    expect(view.ticket.lines.join('\n')).toContain(
      `个人支付 ¥${(view.quote.total.personal / 100).toFixed(2)}`,
    );
  });

  it('numbers the queue per day and sitting', () => {
    station = demoStation();
    const { ctx, db } = station;
    const lunch = dishOf(db, 'lunch');
    const dinner = dishOf(db, 'dinner');
    expect(placeMealOrder(ctx, elder('nx-0001'), order(lunch.id)).queueNumber).toBe('午001');
    expect(placeMealOrder(ctx, elder('nx-0002'), order(lunch.id)).queueNumber).toBe('午002');
    expect(
      placeMealOrder(ctx, elder('nx-0001'), order(dinner.id, { sitting: 'dinner' })).queueNumber,
    ).toBe('晚001');
  });

  it('the same uuid twice makes one order (a retry after a lost reply)', () => {
    station = demoStation();
    const { ctx, db } = station;
    const req = order(dishOf(db, 'lunch').id);
    const first = placeMealOrder(ctx, elder('nx-0002'), req);
    const again = placeMealOrder(ctx, elder('nx-0002'), req);
    expect(again.seq).toBe(first.seq);
    expect(count(db, 'SELECT count(*) AS n FROM meal_orders')).toBe(1);
    expect(count(db, 'SELECT count(*) AS n FROM outbox WHERE type = ?', 'meal.order')).toBe(1);
    expect(reasonOf(() => placeMealOrder(ctx, elder('nx-0001'), req))).toBe('not-yours');
  });
});

describe('one subsidised meal per sitting per elder', () => {
  it('the second meal in a sitting is at full price; the other sitting is subsidised again', () => {
    station = demoStation();
    const { ctx, db } = station;
    const lunch = dishOf(db, 'lunch');
    const first = placeMealOrder(ctx, elder('nx-0001'), order(lunch.id));
    expect(first.quote.lines[0]?.kind).toBe('subsidised-portion');
    const second = placeMealOrder(ctx, elder('nx-0001'), order(lunch.id));
    expect(second.quote.lines.map((l) => l.kind)).toEqual(['full-price-portion']);
    expect(second.quote.total.personal).toBe(lunch.priceFen);
    expect(
      menuFor(ctx, elder('nx-0001')).sittings.find((s) => s.sitting === 'lunch')?.subsidisedUsed,
    ).toBe(true);
    const dinner = placeMealOrder(
      ctx,
      elder('nx-0001'),
      order(dishOf(db, 'dinner').id, { sitting: 'dinner' }),
    );
    expect(dinner.quote.lines[0]?.kind).toBe('subsidised-portion');
  });

  it('cancelling the subsidised meal frees the subsidy for the next order', () => {
    station = demoStation();
    const { ctx, db } = station;
    const lunch = dishOf(db, 'lunch');
    const first = placeMealOrder(ctx, elder('nx-0001'), order(lunch.id));
    cancelMealOrder(ctx, elder('nx-0001'), first.uuid);
    const next = placeMealOrder(ctx, elder('nx-0001'), order(lunch.id));
    expect(next.quote.lines[0]?.kind).toBe('subsidised-portion');
  });

  it('two portions in one order: one subsidised, one at full price', () => {
    station = demoStation();
    const { ctx, db } = station;
    const lunch = dishOf(db, 'lunch');
    const view = placeMealOrder(ctx, elder('nx-0003'), order(lunch.id, { quantity: 2 }));
    expect(view.quote.lines.map((l) => l.kind)).toEqual([
      'subsidised-portion',
      'full-price-portion',
    ]);
  });
});

describe('cut-off (fixed clocks, lunch closes at 10:00 +08:00)', () => {
  it('orders at 09:59:59.999 and refuses at 10:00:00', () => {
    station = demoStation();
    const { ctx, db, clock } = station;
    const lunch = dishOf(db, 'lunch');
    clock.now = new Date(Date.parse(`${TODAY}T10:00:00+08:00`) - 1);
    expect(reasonOf(() => placeMealOrder(ctx, elder('nx-0002'), order(lunch.id)))).toBeNull();
    clock.now = at('10:00:00');
    expect(reasonOf(() => placeMealOrder(ctx, elder('nx-0002'), order(lunch.id)))).toBe(
      'after-cutoff',
    );
    expect(menuFor(ctx, elder('nx-0002')).sittings.find((s) => s.sitting === 'lunch')?.open).toBe(
      false,
    );
    // dinner is still open
    expect(
      reasonOf(() =>
        placeMealOrder(
          ctx,
          elder('nx-0002'),
          order(dishOf(db, 'dinner').id, { sitting: 'dinner' }),
        ),
      ),
    ).toBeNull();
  });

  it('cancels before the cut-off with reversal rows; refuses after it', () => {
    station = demoStation();
    const { ctx, db, clock } = station;
    const lunch = dishOf(db, 'lunch');
    const placed = placeMealOrder(ctx, elder('nx-0002'), order(lunch.id));
    const other = placeMealOrder(ctx, elder('nx-0002'), order(lunch.id));
    const cancelled = cancelMealOrder(ctx, elder('nx-0002'), placed.uuid);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.paymentState).toBe('refunded');
    const rows = rowsOfRecord(db, placed.uuid);
    const reversals = rows.filter((r) => r.reverses !== null);
    expect(reversals.length).toBe(rows.length / 2);
    expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(0);
    expect(balance(db, 'elder:meal-wallet', 'nx-0002')).toBe(10_000 - other.quote.total.personal);
    expect(count(db, "SELECT count(*) AS n FROM outbox WHERE type = 'meal.cancel'")).toBe(1);
    clock.now = at('10:00:00');
    expect(reasonOf(() => cancelMealOrder(ctx, elder('nx-0002'), other.uuid))).toBe(
      'not-cancellable',
    );
  });
});

describe('refusals and payment', () => {
  it('refuses when sold out, not on the menu, delivery for a tier without it, or money short', () => {
    station = demoStation();
    const { ctx, db } = station;
    const lunch = dishOf(db, 'lunch');
    db.prepare(
      'UPDATE menu_items SET portions = 1 WHERE date = ? AND sitting = ? AND dish_id = ?',
    ).run(TODAY, 'lunch', lunch.id);
    placeMealOrder(ctx, elder('nx-0001'), order(lunch.id));
    expect(reasonOf(() => placeMealOrder(ctx, elder('nx-0002'), order(lunch.id)))).toBe('sold-out');
    expect(reasonOf(() => placeMealOrder(ctx, elder('nx-0002'), order('d-nothing')))).toBe(
      'not-on-menu',
    );
    const dinner = dishOf(db, 'dinner');
    const young = { ...elder('nx-0002'), id: 'young', birthDate: '1980-01-01' };
    expect(
      reasonOf(() =>
        placeMealOrder(ctx, young, order(dinner.id, { sitting: 'dinner', delivery: true })),
      ),
    ).toBe('delivery-not-allowed');
    expect(
      reasonOf(() => placeMealOrder(ctx, young, order(dinner.id, { sitting: 'dinner' }))),
    ).toBe('insufficient-balance'); // 'young' has no wallet
    expect(count(db, 'SELECT count(*) AS n FROM meal_orders')).toBe(1);
  });

  it('cash: recorded as awaiting cash with the amount due at the counter, then confirmed by staff', () => {
    station = demoStation();
    const { ctx, db } = station;
    const view = placeMealOrder(
      ctx,
      elder('nx-0002'),
      order(dishOf(db, 'lunch').id, { payment: 'cash' }),
    );
    expect(view.paymentState).toBe('awaiting-cash');
    expect(balance(db, 'counter:cash-due', 'nx-0002')).toBe(-view.quote.total.personal);
    expect(balance(db, 'elder:meal-wallet', 'nx-0002')).toBe(10_000);
    confirmCashPayment(ctx, { orderUuid: view.uuid }, 'staff-01');
    expect(balance(db, 'counter:cash-due', 'nx-0002')).toBe(0);
    const cancelled = cancelMealOrder(ctx, elder('nx-0002'), view.uuid);
    expect(cancelled.paymentState).toBe('refunded');
    expect(rowsOfRecord(db, view.uuid).reduce((s, r) => s + r.amountFen, 0)).toBe(0);
  });

  it('the ledger refuses UPDATE and DELETE', () => {
    station = demoStation();
    const { db } = station;
    expect(() => db.prepare('UPDATE ledger_entries SET amount_fen = 0').run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
  });
});
