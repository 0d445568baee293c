import type { CashDueItem, UnprintedItem } from '../../contract/calls/counter-calls';
import { bookingLabel, queueLabel } from '../ordering/tickets';
import type { Db } from '../store/open-database';

interface ListRow {
  kind: 'order' | 'booking';
  uuid: string;
  sitting: 'lunch' | 'dinner' | null;
  number: number;
  elder_name: string;
  what: string;
  at: string;
  personal_fen: number;
}

/** Orders and bookings side by side, as the counter sees them; `where` filters both. */
const BOTH = (orderWhere: string, bookingWhere: string): string => `
  SELECT 'order' AS kind, o.uuid, o.sitting, o.queue_number AS number, e.name AS elder_name,
         d.name AS what, o.date AS at, o.personal_fen
    FROM meal_orders o JOIN elders e ON e.id = o.elder_id JOIN dishes d ON d.id = o.dish_id
   WHERE o.status = 'placed' AND ${orderWhere}
  UNION ALL
  SELECT 'booking', b.uuid, NULL, b.booking_number, e.name, s.name, b.starts_at, b.personal_fen
    FROM service_bookings b JOIN elders e ON e.id = b.elder_id JOIN services s ON s.id = b.service_id
   WHERE b.status = 'booked' AND ${bookingWhere}
  ORDER BY at, kind DESC, number`;

const numberOf = (r: ListRow): string =>
  r.kind === 'order' ? queueLabel(r.sitting ?? 'lunch', r.number) : bookingLabel(r.number);

const listItem = (r: ListRow): UnprintedItem => ({
  kind: r.kind,
  uuid: r.uuid,
  number: numberOf(r),
  elderName: r.elder_name,
  what: r.what,
  when: r.at,
});

/**
 * Every live order and booking still owing cash, whatever its day: a booking for next week is
 * paid at the counter today, and a meal eaten yesterday may still be owed. Their sum is what
 * `counter:cash-due` says is outstanding.
 */
export function cashDueList(db: Db): CashDueItem[] {
  const rows = db
    .prepare(BOTH("o.payment_state = 'awaiting-cash'", "b.payment_state = 'awaiting-cash'"))
    .all() as ListRow[];
  return rows.map((r) => ({ ...listItem(r), cashDueFen: r.personal_fen }));
}

/**
 * Live orders and bookings whose ticket did not print, from today on: the elder was told to ask
 * staff, and comes to the counter, maybe for a booking days ahead.
 */
export function unprintedList(db: Db, today: string): UnprintedItem[] {
  const rows = db
    .prepare(
      BOTH(
        "o.print_state = 'failed' AND o.date >= ?",
        "b.print_state = 'failed' AND substr(b.starts_at, 1, 10) >= ?",
      ),
    )
    .all(today, today) as ListRow[];
  return rows.map(listItem);
}
