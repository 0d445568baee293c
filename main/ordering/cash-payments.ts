import { prepared } from './prepared';
import { shanghaiIso } from '../clock';
import { appendToOutbox } from '../store/outbox';
import { post, type LedgerLine } from './ledger';
import type { OrderingContext } from './ordering-context';
import { refuse } from './refusal';

/** A record paid "cash at the counter": a meal order or a service booking. */
export type CashRecord = { orderUuid: string } | { bookingUuid: string };

/** What differs between the two: the table, its "still stands" status and the outbox type. */
const KINDS = {
  order: {
    noun: 'order',
    table: 'meal_orders',
    live: 'placed',
    outbox: 'meal.cash-confirm',
    key: 'orderUuid',
  },
  booking: {
    noun: 'booking',
    table: 'service_bookings',
    live: 'booked',
    outbox: 'service.cash-confirm',
    key: 'bookingUuid',
  },
} as const;

interface CashRow {
  elder_id: string;
  status: string;
  payment_state: string;
  personal_fen: number;
}

/**
 * Staff took the cash for an order or booking awaiting it: the elder's part moves from
 * `counter:cash-due` to `counter:cash-drawer`, in the ledger and the outbox, in one IMMEDIATE
 * transaction, and the record becomes paid. The rows are posted under the record's own uuid, so a
 * later cancellation reverses them with the sale and the drawer gives the cash back.
 * Confirming a record already paid does nothing (a retried tap); a cancelled one is refused.
 */
export function confirmCashPayment(
  ctx: Pick<OrderingContext, 'db' | 'now'>,
  record: CashRecord,
  staffId: string,
): void {
  const kind = KINDS['orderUuid' in record ? 'order' : 'booking'];
  const uuid = 'orderUuid' in record ? record.orderUuid : record.bookingUuid;
  const { db } = ctx;
  db.transaction(() => {
    const found = prepared(
      db,
      `SELECT elder_id, status, payment_state, personal_fen FROM ${kind.table} WHERE uuid = ?`,
    ).get(uuid) as CashRow | undefined;
    if (!found) refuse('not-found', `no ${kind.noun} ${uuid}`);
    if (found.status !== kind.live)
      refuse('record-cancelled', `${kind.noun} ${uuid} was cancelled; no cash is due for it`);
    if (found.payment_state !== 'awaiting-cash') return;
    const at = shanghaiIso(ctx.now());
    const lines: LedgerLine[] = [
      { account: 'counter:cash-due', elderId: found.elder_id, amountFen: found.personal_fen },
      { account: 'counter:cash-drawer', elderId: found.elder_id, amountFen: -found.personal_fen },
    ];
    const { seq } = appendToOutbox(
      db,
      kind.outbox,
      {
        [kind.key]: uuid,
        elderId: found.elder_id,
        staffId,
        amountFen: found.personal_fen,
        ledger: lines,
        at,
      },
      at,
    );
    post(db, { recordUuid: uuid, recordKind: 'cash-confirmation', seq, at }, lines);
    prepared(db, `UPDATE ${kind.table} SET payment_state = 'paid' WHERE uuid = ?`).run(uuid);
  }).immediate();
}
