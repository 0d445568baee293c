import type {
  DeliveryItem,
  KitchenCount,
  SlotBookings,
  TodayView,
} from '../../contract/calls/staff-calls';
import type { PrintState, Sitting } from '../../contract/calls/ordering-calls';
import { bookingLabel, queueLabel } from '../ordering/tickets';
import type { Db } from '../store/open-database';
import { appendToOutbox } from '../store/outbox';
import { cashDueList, unprintedList } from './counter-lists';
import { StaffRefusal } from './staff-repo';

/** Portions per dish and sitting, for the kitchen: placed orders only, cancelled ones fall out. */
export function kitchenCounts(db: Db, date: string): KitchenCount[] {
  return (
    db
      .prepare(
        `SELECT o.sitting, o.dish_id, d.name AS dish_name,
           sum(CASE WHEN o.delivery = 0 THEN o.quantity ELSE 0 END) AS dine_in,
           sum(CASE WHEN o.delivery = 1 THEN o.quantity ELSE 0 END) AS delivery,
           sum(CASE WHEN f.order_uuid IS NOT NULL THEN o.quantity ELSE 0 END) AS served
         FROM meal_orders o JOIN dishes d ON d.id = o.dish_id
         LEFT JOIN meal_fulfilment f ON f.order_uuid = o.uuid
         WHERE o.date = ? AND o.status = 'placed'
         GROUP BY o.sitting, o.dish_id ORDER BY o.sitting DESC, d.name`,
      )
      .all(date) as {
      sitting: Sitting;
      dish_id: string;
      dish_name: string;
      dine_in: number;
      delivery: number;
      served: number;
    }[]
  ).map((r) => ({
    sitting: r.sitting,
    dishId: r.dish_id,
    dishName: r.dish_name,
    dineIn: r.dine_in,
    delivery: r.delivery,
    served: r.served,
  }));
}

function orderList(db: Db, date: string, delivery: boolean): DeliveryItem[] {
  return (
    db
      .prepare(
        `SELECT o.uuid, o.sitting, o.queue_number, o.quantity, e.name AS elder_name, e.phone,
           d.name AS dish_name,
           -- the elder record's address (roster import, platform roster) before a local one
           coalesce(json_extract(e.record, '$.address'), a.address) AS address,
           f.state, o.payment_state, o.personal_fen, o.print_state
         FROM meal_orders o JOIN elders e ON e.id = o.elder_id JOIN dishes d ON d.id = o.dish_id
         LEFT JOIN elder_addresses a ON a.elder_id = o.elder_id
         LEFT JOIN meal_fulfilment f ON f.order_uuid = o.uuid
         WHERE o.date = ? AND o.status = 'placed' AND o.delivery = ?
         ORDER BY o.sitting DESC, o.queue_number`,
      )
      .all(date, delivery ? 1 : 0) as {
      uuid: string;
      sitting: Sitting;
      queue_number: number;
      quantity: number;
      elder_name: string;
      phone: string;
      dish_name: string;
      address: string | null;
      state: 'served' | 'delivered' | null;
      payment_state: string;
      personal_fen: number;
      print_state: PrintState;
    }[]
  ).map((r) => ({
    orderUuid: r.uuid,
    queueNumber: queueLabel(r.sitting, r.queue_number),
    sitting: r.sitting,
    elderName: r.elder_name,
    dishName: r.dish_name,
    quantity: r.quantity,
    address: r.address,
    phone: r.phone,
    state: r.state ?? 'open',
    cashDueFen: r.payment_state === 'awaiting-cash' ? r.personal_fen : null,
    printState: r.print_state,
  }));
}

/** Orders to take out today (送餐), with where to and whom to call. */
export const deliveryList = (db: Db, date: string): DeliveryItem[] => orderList(db, date, true);
/** Orders eaten in today, to mark served at the hatch. */
export const dineInList = (db: Db, date: string): DeliveryItem[] => orderList(db, date, false);

/** Today's service slots with who booked them. */
export function bookingsPerSlot(db: Db, date: string): SlotBookings[] {
  const slots = db
    .prepare(
      `SELECT s.id, s.starts_at, s.capacity, s.booked, v.name AS service_name
       FROM service_slots s JOIN services v ON v.id = s.service_id
       WHERE substr(s.starts_at, 1, 10) = ? ORDER BY s.starts_at, v.name`,
    )
    .all(date) as {
    id: string;
    starts_at: string;
    capacity: number;
    booked: number;
    service_name: string;
  }[];
  const who = db.prepare(
    `SELECT b.uuid, b.booking_number, e.name, b.print_state, b.payment_state, b.personal_fen
     FROM service_bookings b JOIN elders e ON e.id = b.elder_id
     WHERE b.slot_id = ? AND b.status = 'booked' ORDER BY b.booking_number`,
  );
  return slots.map((s) => ({
    slotId: s.id,
    serviceName: s.service_name,
    startsAt: s.starts_at,
    capacity: s.capacity,
    booked: s.booked,
    elders: (
      who.all(s.id) as {
        uuid: string;
        booking_number: number;
        name: string;
        print_state: PrintState;
        payment_state: string;
        personal_fen: number;
      }[]
    ).map((b) => ({
      bookingUuid: b.uuid,
      bookingNumber: bookingLabel(b.booking_number),
      elderName: b.name,
      printState: b.print_state,
      cashDueFen: b.payment_state === 'awaiting-cash' ? b.personal_fen : null,
    })),
  }));
}

export function todayView(db: Db, date: string): TodayView {
  return {
    date,
    kitchen: kitchenCounts(db, date),
    delivery: deliveryList(db, date),
    dineIn: dineInList(db, date),
    slots: bookingsPerSlot(db, date),
    cashDue: cashDueList(db),
    unprinted: unprintedList(db, date),
  };
}

/** Marks an order served (eaten in) or delivered; recorded with the staff id and the elder id. */
export function markFulfilled(
  db: Db,
  orderUuid: string,
  state: 'served' | 'delivered',
  staffId: string,
  at: string,
): void {
  db.transaction(() => {
    const order = db
      .prepare('SELECT elder_id, status, delivery FROM meal_orders WHERE uuid = ?')
      .get(orderUuid) as { elder_id: string; status: string; delivery: number } | undefined;
    if (!order || order.status !== 'placed')
      throw new StaffRefusal('not-found', `no placed order ${orderUuid}`);
    if (db.prepare('SELECT 1 FROM meal_fulfilment WHERE order_uuid = ?').get(orderUuid)) return;
    const { seq } = appendToOutbox(
      db,
      state === 'delivered' ? 'meal.delivered' : 'meal.served',
      { orderUuid, elderId: order.elder_id, staffId, at },
      at,
    );
    db.prepare(
      'INSERT INTO meal_fulfilment (order_uuid, state, staff_id, seq, at) VALUES (?, ?, ?, ?, ?)',
    ).run(orderUuid, state, staffId, seq, at);
  }).immediate();
}
