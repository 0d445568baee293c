import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElderRecord } from '../../../contract/elder';
import { ApiRefusal } from '../../../main/api/dispatch';
import { shanghaiIso } from '../../../main/clock';
import { demoElders } from '../../../main/demo/demo-elders';
import { balance } from '../../../main/ordering/ledger';
import { cancelMealOrder, placeMealOrder } from '../../../main/ordering/meal-orders';
import { bookService, cancelBooking, serviceSlots } from '../../../main/ordering/service-bookings';
import { deposit } from '../../../main/ordering/wallet';
import { confirmCashPayment } from '../../../main/ordering/cash-payments';
import { TODAY, demoStation } from './ordering-fixture';

const payment = fc.constantFrom(
  'meal-wallet' as const,
  'subsidy-balance' as const,
  'cash' as const,
);
const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      elder: fc.nat(13),
      dish: fc.nat(2),
      sitting: fc.constantFrom('lunch' as const, 'dinner' as const),
      quantity: fc.integer({ min: 1, max: 3 }),
      delivery: fc.boolean(),
      payment,
    }),
  },
  fc.record({ kind: fc.constant('cancel-order' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('confirm-cash' as const), pick: fc.nat() }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      elder: fc.nat(13),
      slot: fc.nat(20),
      payment,
    }),
  },
  fc.record({ kind: fc.constant('cancel-booking' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('confirm-booking-cash' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('deposit' as const),
    elder: fc.nat(13),
    amount: fc.integer({ min: 1, max: 5000 }),
    account: fc.constantFrom('elder:meal-wallet' as const, 'elder:subsidy-balance' as const),
  }),
);

interface Row {
  id: string;
  record_uuid: string;
  account: string;
  elder_id: string | null;
  amount_fen: number;
  reverses: string | null;
}

describe('ledger invariants under any sequence of orders, bookings, cancellations and deposits', () => {
  it('balanced postings, balances = sums ≥ 0, reversals undo exactly once, rows never change', () => {
    // Counted across runs, so a generator that only produced refusals would fail the test.
    const made = { orders: 0, reversals: 0, bookings: 0, bookingCash: 0 };
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 40, size: 'max' }), (ops) => {
        const { db, ctx } = demoStation();
        try {
          const orders: { uuid: string; elderIdx: number }[] = [];
          const bookings: { uuid: string; elderIdx: number }[] = [];
          const seen = new Map<string, number>();
          const dishes = (sitting: string): string[] =>
            (
              db
                .prepare(
                  'SELECT dish_id FROM menu_items WHERE date = ? AND sitting = ? ORDER BY dish_id',
                )
                .all(TODAY, sitting) as { dish_id: string }[]
            ).map((r) => r.dish_id);
          const slots = serviceSlots(ctx, 's-haircut').concat(serviceSlots(ctx, 's-bath'));
          const elderAt = (i: number): ElderRecord => {
            const e = demoElders[i % demoElders.length];
            if (!e) throw new Error('no demo elders');
            return e;
          };
          for (const o of ops) {
            try {
              if (o.kind === 'order') {
                const menu = dishes(o.sitting);
                const uuid = randomUUID();
                placeMealOrder(ctx, elderAt(o.elder), {
                  uuid,
                  date: TODAY,
                  sitting: o.sitting,
                  dishId: menu[o.dish % menu.length] ?? '',
                  quantity: o.quantity,
                  delivery: o.delivery,
                  payment: o.payment,
                });
                orders.push({ uuid, elderIdx: o.elder });
              } else if (o.kind === 'cancel-order' && orders.length > 0) {
                const t = orders[o.pick % orders.length];
                if (t) cancelMealOrder(ctx, elderAt(t.elderIdx), t.uuid);
              } else if (o.kind === 'confirm-cash' && orders.length > 0) {
                const t = orders[o.pick % orders.length];
                if (t) confirmCashPayment(ctx, { orderUuid: t.uuid }, 'staff');
              } else if (o.kind === 'book') {
                const uuid = randomUUID();
                const slot = slots[o.slot % slots.length];
                bookService(ctx, elderAt(o.elder), {
                  uuid,
                  slotId: slot?.id ?? '',
                  payment: o.payment,
                });
                bookings.push({ uuid, elderIdx: o.elder });
              } else if (o.kind === 'confirm-booking-cash' && bookings.length > 0) {
                const t = bookings[o.pick % bookings.length];
                if (t) confirmCashPayment(ctx, { bookingUuid: t.uuid }, 'staff');
              } else if (o.kind === 'cancel-booking' && bookings.length > 0) {
                const t = bookings[o.pick % bookings.length];
                if (t) cancelBooking(ctx, elderAt(t.elderIdx), t.uuid);
              } else if (o.kind === 'deposit') {
                deposit(db, {
                  elderId: elderAt(o.elder).id,
                  account: o.account,
                  amountFen: o.amount,
                  from: 'counter:cash-drawer',
                  at: shanghaiIso(ctx.now()),
                });
              }
            } catch (error) {
              if (!(error instanceof ApiRefusal)) throw error;
            }
            // Append-only: every row seen before is still there, unchanged.
            const rows = db.prepare('SELECT id, amount_fen FROM ledger_entries').all() as Row[];
            const now = new Map(rows.map((r) => [r.id, r.amount_fen]));
            for (const [id, amount] of seen) expect(now.get(id)).toBe(amount);
            for (const [id, amount] of now) seen.set(id, amount);
          }

          const rows = db.prepare('SELECT * FROM ledger_entries').all() as Row[];
          made.orders += (
            db.prepare('SELECT count(*) AS n FROM meal_orders').get() as { n: number }
          ).n;
          made.bookings += (
            db.prepare('SELECT count(*) AS n FROM service_bookings').get() as { n: number }
          ).n;
          made.reversals += rows.filter((r) => r.reverses !== null).length;
          made.bookingCash += (
            db
              .prepare("SELECT count(*) AS n FROM outbox WHERE type = 'service.cash-confirm'")
              .get() as {
              n: number;
            }
          ).n;
          const byId = new Map(rows.map((r) => [r.id, r]));
          // every posting (record) balances, and so does the whole ledger
          const perRecord = new Map<string, number>();
          for (const r of rows)
            perRecord.set(r.record_uuid, (perRecord.get(r.record_uuid) ?? 0) + r.amount_fen);
          for (const sum of perRecord.values()) expect(sum).toBe(0);
          // a reversal undoes one row of its own record, exactly once
          const reversed = new Set<string>();
          for (const r of rows.filter((x) => x.reverses !== null)) {
            const original = byId.get(r.reverses ?? '');
            expect(original?.record_uuid).toBe(r.record_uuid);
            expect(original?.amount_fen).toBe(-r.amount_fen);
            expect(reversed.has(r.reverses ?? '')).toBe(false);
            reversed.add(r.reverses ?? '');
          }
          // a cancelled record nets to zero on every account; a live one carries its split
          for (const table of ['meal_orders', 'service_bookings']) {
            const recs = db
              .prepare(
                `SELECT uuid, status, government_fen, personal_fen, payment, payment_state FROM ${table}`,
              )
              .all() as {
              uuid: string;
              status: string;
              government_fen: number;
              personal_fen: number;
              payment: string;
              payment_state: string;
            }[];
            for (const rec of recs) {
              const mine = rows.filter((r) => r.record_uuid === rec.uuid);
              const on = (account: string) =>
                mine.filter((r) => r.account === account).reduce((s, r) => s + r.amount_fen, 0);
              const live = rec.status === 'placed' || rec.status === 'booked';
              expect(on('funder:government')).toBe(live ? 0 - rec.government_fen : 0);
              if (!live) for (const r of mine) expect(on(r.account)).toBe(0);
            }
          }
          // every elder balance is the sum of its rows and never below zero
          for (const e of demoElders) {
            for (const account of ['elder:meal-wallet', 'elder:subsidy-balance'] as const) {
              const sum = rows
                .filter((r) => r.account === account && r.elder_id === e.id)
                .reduce((s, r) => s + r.amount_fen, 0);
              expect(balance(db, account, e.id)).toBe(sum);
              expect(sum).toBeGreaterThanOrEqual(0);
            }
          }
          // what the counter is owed is exactly the live records still awaiting cash
          const owed = (
            db
              .prepare(
                `SELECT coalesce(sum(personal_fen), 0) AS n FROM (
                   SELECT personal_fen FROM meal_orders WHERE status = 'placed' AND payment_state = 'awaiting-cash'
                   UNION ALL
                   SELECT personal_fen FROM service_bookings WHERE status = 'booked' AND payment_state = 'awaiting-cash')`,
              )
              .get() as { n: number }
          ).n;
          expect(balance(db, 'counter:cash-due')).toBe(0 - owed);
          // no slot holds more than its capacity, and its count matches its live bookings
          const overfull = db
            .prepare(
              `SELECT s.id FROM service_slots s WHERE s.booked > s.capacity OR s.booked !=
                (SELECT count(*) FROM service_bookings b WHERE b.slot_id = s.id AND b.status = 'booked')`,
            )
            .all();
          expect(overfull).toEqual([]);
          // the device sequence has no gaps
          const seqs = (
            db.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[]
          ).map((r) => r.seq);
          seqs.forEach((s, i) => expect(s).toBe((seqs[0] ?? 1) + i));
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
    expect(made.orders).toBeGreaterThan(50);
    expect(made.bookings).toBeGreaterThan(10);
    expect(made.reversals).toBeGreaterThan(10);
    expect(made.bookingCash).toBeGreaterThan(0);
  });
});
