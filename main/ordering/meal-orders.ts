import { prepared } from './prepared';
import type {
  MealOrderView,
  MealQuote,
  PaymentMethod,
  PaymentState,
  PrintState,
} from '../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../contract/elder';
import { shanghaiIso } from '../clock';
import { appendToOutbox } from '../store/outbox';
import { cancelRecord, createOnce, recordReprint, requireBalance } from './elder-records';
import { splitColumns } from './funder-split';
import { post, saleLines } from './ledger';
import { beforeCutoff, menuRows, quoteMeal, type MealChoice } from './meal-menu';
import type { OrderingContext } from './ordering-context';
import { mealTicket, queueLabel } from './tickets';

export interface MealOrderRequest extends MealChoice {
  uuid: string;
  payment: PaymentMethod;
}

interface OrderRow {
  uuid: string;
  seq: number;
  elder_id: string;
  date: string;
  sitting: 'lunch' | 'dinner';
  dish_id: string;
  quote: string;
  payment: PaymentMethod;
  payment_state: PaymentState;
  queue_number: number;
  status: 'placed' | 'cancelled';
  print_state: PrintState;
  created_at: string;
}

function orderRow(ctx: Pick<OrderingContext, 'db'>, uuid: string): OrderRow | undefined {
  return prepared(ctx.db, 'SELECT * FROM meal_orders WHERE uuid = ?').get(uuid) as
    OrderRow | undefined;
}

function cutoffOf(ctx: OrderingContext, row: OrderRow): string | null {
  return (
    menuRows(ctx.db, row.date, row.sitting).find((r) => r.dish_id === row.dish_id)?.cutoff ?? null
  );
}

function toView(
  ctx: OrderingContext,
  row: OrderRow,
  elderName: string,
  reprint = false,
): MealOrderView {
  const quote = JSON.parse(row.quote) as MealQuote;
  const queueNumber = queueLabel(row.sitting, row.queue_number);
  const cutoff = cutoffOf(ctx, row);
  return {
    uuid: row.uuid,
    seq: row.seq,
    queueNumber,
    status: row.status,
    paymentState: row.payment_state,
    payment: row.payment,
    printState: row.print_state,
    cancellable: row.status === 'placed' && cutoff !== null && beforeCutoff(cutoff, ctx.now()),
    quote,
    createdAt: row.created_at,
    ticket: mealTicket(
      ctx.stationName,
      {
        uuid: row.uuid,
        queueNumber,
        quote,
        payment: row.payment,
        elderName,
        createdAt: row.created_at,
      },
      reprint,
    ),
  };
}

/**
 * Places an order: checks, prices, and writes the order, its ledger rows and its outbox row in one
 * IMMEDIATE transaction (portions, the per-sitting cap and the queue number are decided on data no
 * other process can change before commit). The same uuid a second time returns the order already
 * made.
 */
export function placeMealOrder(
  ctx: OrderingContext,
  elder: ElderRecord,
  req: MealOrderRequest,
): MealOrderView {
  const row = createOnce(ctx, elder, req.uuid, {
    noun: 'order',
    read: (uuid) => orderRow(ctx, uuid),
    write: () => writeMealOrder(ctx, elder, req),
  });
  return toView(ctx, row, elder.name);
}

/** The order row, its ledger rows and its outbox row; runs inside createOnce's transaction. */
function writeMealOrder(ctx: OrderingContext, elder: ElderRecord, req: MealOrderRequest): void {
  const { db } = ctx;
  const { quote, decision, subsidised } = quoteMeal(ctx, elder, req);
  const personal = quote.total.personal;
  requireBalance(ctx, elder.id, req.payment, personal, 'order');
  const paymentState: PaymentState =
    req.payment === 'cash' && personal > 0 ? 'awaiting-cash' : 'paid';
  const { next } = prepared(
    db,
    'SELECT coalesce(max(queue_number), 0) + 1 AS next FROM meal_orders WHERE date = ? AND sitting = ?',
  ).get(req.date, req.sitting) as { next: number };
  const at = shanghaiIso(ctx.now());
  const lines = saleLines(quote.total, 'sales:canteen', elder.id, req.payment);
  const { seq } = appendToOutbox(
    db,
    'meal.order',
    {
      uuid: req.uuid,
      elderId: elder.id,
      staffId: ctx.actor?.() ?? null,
      date: req.date,
      sitting: req.sitting,
      dishId: req.dishId,
      quantity: req.quantity,
      delivery: req.delivery,
      subsidised,
      tier: quote.tier,
      split: quote.total,
      lines: quote.lines,
      payment: req.payment,
      paymentState,
      queueNumber: next,
      snapshot: decision.snapshot,
      ledger: lines,
      createdAt: at,
    },
    at,
    req.uuid,
  );
  prepared(
    db,
    `INSERT INTO meal_orders (uuid, seq, elder_id, date, sitting, dish_id, quantity, subsidised, delivery, tier,
      full_fen, government_fen, enterprise_fen, charity_fen, personal_fen, quote, payment, payment_state,
      queue_number, snapshot, created_at, staff_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    req.uuid,
    seq,
    elder.id,
    req.date,
    req.sitting,
    req.dishId,
    req.quantity,
    subsidised ? 1 : 0,
    req.delivery ? 1 : 0,
    quote.tier,
    ...splitColumns(quote.total),
    JSON.stringify(quote),
    req.payment,
    paymentState,
    next,
    JSON.stringify(decision.snapshot),
    at,
    ctx.actor?.() ?? null,
  );
  post(db, { recordUuid: req.uuid, recordKind: 'meal-order', seq, at }, lines);
}

/** Cancels before the cut-off: every ledger row of the order is reversed, in one transaction. */
export function cancelMealOrder(
  ctx: OrderingContext,
  elder: ElderRecord,
  uuid: string,
): MealOrderView {
  const row = cancelRecord(ctx, elder, uuid, {
    noun: 'order',
    read: (id) => orderRow(ctx, id),
    outbox: { type: 'meal.cancel', key: 'orderUuid' },
    tooLate: (found) => {
      const cutoff = cutoffOf(ctx, found);
      return cutoff === null || !beforeCutoff(cutoff, ctx.now())
        ? `the cut-off for order ${uuid} has passed`
        : null;
    },
    // A cash order not yet paid had nothing to refund; a paid one is refunded through reversal.
    markCancelled: (id, seq, at) =>
      prepared(
        ctx.db,
        `UPDATE meal_orders SET status = 'cancelled', cancel_seq = ?, cancelled_at = ?,
          payment_state = CASE WHEN personal_fen > 0 AND payment_state = 'paid' THEN 'refunded' ELSE payment_state END
         WHERE uuid = ?`,
      ).run(seq, at, id),
  });
  return toView(ctx, row, elder.name);
}

/** Today's and later orders of this elder, newest first. */
export function listMealOrders(
  ctx: OrderingContext,
  elder: ElderRecord,
  fromDate: string,
): MealOrderView[] {
  const rows = prepared(
    ctx.db,
    'SELECT * FROM meal_orders WHERE elder_id = ? AND date >= ? ORDER BY date DESC, seq DESC',
  ).all(elder.id, fromDate) as OrderRow[];
  return rows.map((r) => toView(ctx, r, elder.name));
}

/**
 * The order's ticket marked 补打, once the reprint is recorded; refused for a cancelled (refunded)
 * order, whose ticket is void.
 */
export function mealOrderForReprint(
  ctx: OrderingContext,
  elder: ElderRecord,
  uuid: string,
): MealOrderView {
  const row = recordReprint(ctx, elder, uuid, {
    noun: 'order',
    record: 'meal-order',
    read: (id) => orderRow(ctx, id),
  });
  return toView(ctx, row, elder.name, true);
}

/** Whose order this is (staff reprint at the counter for any elder); null when there is none. */
export function mealOrderElderId(ctx: Pick<OrderingContext, 'db'>, uuid: string): string | null {
  return orderRow(ctx, uuid)?.elder_id ?? null;
}

/** The print outcome is kept apart from the order: a failed print never undoes a committed order. */
export function setMealPrintState(
  ctx: Pick<OrderingContext, 'db'>,
  uuid: string,
  state: PrintState,
): void {
  prepared(ctx.db, 'UPDATE meal_orders SET print_state = ? WHERE uuid = ?').run(state, uuid);
}
