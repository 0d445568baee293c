import { prepared } from './prepared';
import type {
  BookingView,
  PaymentMethod,
  PaymentState,
  PrintState,
  ServiceQuote,
  ServiceView,
  SlotChoice,
  SlotView,
} from '../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../contract/elder';
import { shanghaiDate, shanghaiIso } from '../clock';
import { appendToOutbox } from '../store/outbox';
import { cancelRecord, createOnce, recordReprint, requireBalance } from './elder-records';
import { splitColumns } from './funder-split';
import { post, saleLines } from './ledger';
import { decideTier, type TierDecision } from './meal-tier';
import type { OrderingContext } from './ordering-context';
import { refuse } from './refusal';
import { allTermIds, priceService, purchasedMinutesUsed, termsFor } from './service-terms';
import { bookingLabel, bookingTicket } from './tickets';

interface ServiceRow {
  id: string;
  name: string;
  icon: string;
  duration_minutes: number;
  price_fen: number;
  description: string;
}

interface SlotRow {
  id: string;
  service_id: string;
  starts_at: string;
  capacity: number;
  booked: number;
}

const slotView = (s: SlotRow): SlotView => ({
  id: s.id,
  serviceId: s.service_id,
  startsAt: s.starts_at,
  capacity: s.capacity,
  left: Math.max(0, s.capacity - s.booked),
});

/** The month a booking's minutes count in: the slot's own local month (times carry +08:00). */
const monthOf = (startsAt: string): string => startsAt.slice(0, 7);

function decision(ctx: OrderingContext, elder: ElderRecord): TierDecision {
  return decideTier(elder, ctx.pack, ctx.meals, shanghaiDate(ctx.now()), allTermIds(ctx.db));
}

function serviceRow(ctx: OrderingContext, id: string): ServiceRow {
  const row = prepared(ctx.db, 'SELECT * FROM services WHERE id = ?').get(id) as
    ServiceRow | undefined;
  if (!row) refuse('not-found', `no service ${id}`);
  return row;
}

/** The catalogue with what this elder pays for the next booking this month. */
export function serviceCatalogue(ctx: OrderingContext, elder: ElderRecord): ServiceView[] {
  const d = decision(ctx, elder);
  const month = shanghaiDate(ctx.now()).slice(0, 7);
  const used = purchasedMinutesUsed(ctx.db, elder.id, month);
  const rows = prepared(ctx.db, 'SELECT * FROM services ORDER BY rowid').all() as ServiceRow[];
  return rows.map((s) => {
    const terms = termsFor(ctx.db, s.id);
    const priced = priceService(terms, s.price_fen, s.duration_minutes, d.serviceEligible, used);
    return {
      id: s.id,
      name: s.name,
      icon: s.icon,
      description: s.description,
      durationMinutes: s.duration_minutes,
      fullFen: s.price_fen,
      elderFen: priced.split.personal,
      purchasedMinutesLeft: priced.minutesLeft,
      isAssessment: terms.isAssessment,
    };
  });
}

/** Slots of a service that have not started yet, soonest first. */
export function serviceSlots(ctx: OrderingContext, serviceId: string): SlotView[] {
  const now = ctx.now().getTime();
  const rows = prepared(
    ctx.db,
    'SELECT * FROM service_slots WHERE service_id = ? ORDER BY starts_at',
  ).all(serviceId) as SlotRow[];
  return rows.filter((s) => Date.parse(s.starts_at) > now).map(slotView);
}

/**
 * The slots of a service as this elder chooses among them: each priced with the purchased minutes
 * left in the slot's own month (a slot next month draws on next month's hours, not this month's).
 */
export function slotChoices(
  ctx: OrderingContext,
  elder: ElderRecord,
  serviceId: string,
): SlotChoice[] {
  const s = serviceRow(ctx, serviceId);
  const d = decision(ctx, elder);
  const terms = termsFor(ctx.db, s.id);
  const usedIn = new Map<string, number>();
  return serviceSlots(ctx, serviceId).map((slot) => {
    const month = monthOf(slot.startsAt);
    const used = usedIn.get(month) ?? purchasedMinutesUsed(ctx.db, elder.id, month);
    usedIn.set(month, used);
    const priced = priceService(terms, s.price_fen, s.duration_minutes, d.serviceEligible, used);
    return { ...slot, elderFen: priced.split.personal, purchasedMinutesLeft: priced.minutesLeft };
  });
}

function slotRow(ctx: OrderingContext, slotId: string): SlotRow {
  const slot = prepared(ctx.db, 'SELECT * FROM service_slots WHERE id = ?').get(slotId) as
    SlotRow | undefined;
  if (!slot) refuse('not-found', `no slot ${slotId}`);
  return slot;
}

export function quoteService(
  ctx: OrderingContext,
  elder: ElderRecord,
  slotId: string,
): { quote: ServiceQuote; decision: TierDecision } {
  const slot = slotRow(ctx, slotId);
  if (Date.parse(slot.starts_at) <= ctx.now().getTime())
    refuse('slot-past', `slot ${slotId} started at ${slot.starts_at}`);
  const s = serviceRow(ctx, slot.service_id);
  const d = decision(ctx, elder);
  const used = purchasedMinutesUsed(ctx.db, elder.id, monthOf(slot.starts_at));
  const priced = priceService(
    termsFor(ctx.db, s.id),
    s.price_fen,
    s.duration_minutes,
    d.serviceEligible,
    used,
  );
  return {
    decision: d,
    quote: {
      service: { id: s.id, name: s.name, icon: s.icon, durationMinutes: s.duration_minutes },
      slot: slotView(slot),
      purchasedMinutes: priced.purchasedMinutes,
      total: priced.split,
    },
  };
}

export interface BookingRequest {
  uuid: string;
  slotId: string;
  payment: PaymentMethod;
}

interface BookingRow {
  uuid: string;
  seq: number;
  elder_id: string;
  starts_at: string;
  quote: string;
  payment: PaymentMethod | 'none';
  payment_state: PaymentState | 'none';
  booking_number: number;
  status: 'booked' | 'cancelled';
  print_state: PrintState;
  created_at: string;
}

const bookingRow = (ctx: Pick<OrderingContext, 'db'>, uuid: string): BookingRow | undefined =>
  prepared(ctx.db, 'SELECT * FROM service_bookings WHERE uuid = ?').get(uuid) as
    BookingRow | undefined;

function toView(
  ctx: OrderingContext,
  row: BookingRow,
  elderName: string,
  reprint = false,
): BookingView {
  const quote = JSON.parse(row.quote) as ServiceQuote;
  const bookingNumber = bookingLabel(row.booking_number);
  return {
    uuid: row.uuid,
    seq: row.seq,
    bookingNumber,
    status: row.status,
    paymentState: row.payment_state,
    payment: row.payment,
    printState: row.print_state,
    cancellable: row.status === 'booked' && Date.parse(row.starts_at) > ctx.now().getTime(),
    quote,
    createdAt: row.created_at,
    ticket: bookingTicket(
      ctx.stationName,
      {
        uuid: row.uuid,
        bookingNumber,
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
 * Books a slot. The seat is taken with one conditional UPDATE (booked < capacity) inside an
 * IMMEDIATE transaction, so two kiosks or processes on the same file can never overfill a slot;
 * booking, seat, ledger rows and outbox row commit together or not at all.
 */
export function bookService(
  ctx: OrderingContext,
  elder: ElderRecord,
  req: BookingRequest,
): BookingView {
  const row = createOnce(ctx, elder, req.uuid, {
    noun: 'booking',
    read: (uuid) => bookingRow(ctx, uuid),
    write: () => writeBooking(ctx, elder, req),
  });
  return toView(ctx, row, elder.name);
}

/** The seat, the booking row, its ledger rows and its outbox row; inside createOnce's transaction. */
function writeBooking(ctx: OrderingContext, elder: ElderRecord, req: BookingRequest): void {
  const { db } = ctx;
  const { quote, decision: d } = quoteService(ctx, elder, req.slotId);
  const personal = quote.total.personal;
  const payment = personal > 0 ? req.payment : 'none';
  requireBalance(ctx, elder.id, payment, personal, 'booking');
  const seat = prepared(
    db,
    'UPDATE service_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity',
  ).run(req.slotId);
  if (seat.changes === 0) refuse('slot-full', `slot ${req.slotId} is full`);
  const paymentState: PaymentState | 'none' =
    payment === 'none' ? 'none' : payment === 'cash' ? 'awaiting-cash' : 'paid';
  const { next } = prepared(
    db,
    'SELECT coalesce(max(booking_number), 0) + 1 AS next FROM service_bookings',
  ).get() as { next: number };
  const at = shanghaiIso(ctx.now());
  const lines = saleLines(quote.total, 'sales:services', elder.id, payment);
  const { seq } = appendToOutbox(
    db,
    'service.booking',
    {
      uuid: req.uuid,
      elderId: elder.id,
      staffId: ctx.actor?.() ?? null,
      serviceId: quote.service.id,
      slotId: req.slotId,
      startsAt: quote.slot.startsAt,
      purchasedMinutes: quote.purchasedMinutes,
      split: quote.total,
      payment,
      paymentState,
      bookingNumber: next,
      snapshot: d.snapshot,
      ledger: lines,
      createdAt: at,
    },
    at,
    req.uuid,
  );
  prepared(
    db,
    `INSERT INTO service_bookings (uuid, seq, elder_id, service_id, slot_id, starts_at, month, purchased_minutes,
      full_fen, government_fen, enterprise_fen, charity_fen, personal_fen, quote, payment, payment_state,
      booking_number, snapshot, created_at, staff_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    req.uuid,
    seq,
    elder.id,
    quote.service.id,
    req.slotId,
    quote.slot.startsAt,
    monthOf(quote.slot.startsAt),
    quote.purchasedMinutes,
    ...splitColumns(quote.total),
    JSON.stringify({ ...quote, slot: { ...quote.slot, left: quote.slot.left - 1 } }),
    payment,
    paymentState,
    next,
    JSON.stringify(d.snapshot),
    at,
    ctx.actor?.() ?? null,
  );
  post(db, { recordUuid: req.uuid, recordKind: 'service-booking', seq, at }, lines);
}

/** Cancels before the slot starts: the seat is freed and the ledger rows reversed, together. */
export function cancelBooking(ctx: OrderingContext, elder: ElderRecord, uuid: string): BookingView {
  const row = cancelRecord(ctx, elder, uuid, {
    noun: 'booking',
    read: (id) => bookingRow(ctx, id),
    outbox: { type: 'service.cancel', key: 'bookingUuid' },
    tooLate: (found) =>
      Date.parse(found.starts_at) <= ctx.now().getTime() ? `booking ${uuid} has started` : null,
    markCancelled: (id, seq, at) => {
      prepared(
        ctx.db,
        'UPDATE service_slots SET booked = max(booked - 1, 0) WHERE id = (SELECT slot_id FROM service_bookings WHERE uuid = ?)',
      ).run(id);
      prepared(
        ctx.db,
        `UPDATE service_bookings SET status = 'cancelled', cancel_seq = ?, cancelled_at = ?,
          payment_state = CASE WHEN payment_state = 'paid' THEN 'refunded' ELSE payment_state END
         WHERE uuid = ?`,
      ).run(seq, at, id);
    },
  });
  return toView(ctx, row, elder.name);
}

export function listBookings(ctx: OrderingContext, elder: ElderRecord): BookingView[] {
  const rows = prepared(
    ctx.db,
    'SELECT * FROM service_bookings WHERE elder_id = ? ORDER BY starts_at DESC',
  ).all(elder.id) as BookingRow[];
  return rows.map((r) => toView(ctx, r, elder.name));
}

/**
 * The booking's ticket marked 补打, once the reprint is recorded; refused for a cancelled
 * (refunded) booking, whose ticket is void.
 */
export function bookingForReprint(
  ctx: OrderingContext,
  elder: ElderRecord,
  uuid: string,
): BookingView {
  const row = recordReprint(ctx, elder, uuid, {
    noun: 'booking',
    record: 'service-booking',
    read: (id) => bookingRow(ctx, id),
  });
  return toView(ctx, row, elder.name, true);
}

/** Whose booking this is (staff reprint at the counter for any elder); null when there is none. */
export function bookingElderId(ctx: Pick<OrderingContext, 'db'>, uuid: string): string | null {
  return bookingRow(ctx, uuid)?.elder_id ?? null;
}

export function setBookingPrintState(
  ctx: Pick<OrderingContext, 'db'>,
  uuid: string,
  state: PrintState,
): void {
  prepared(ctx.db, 'UPDATE service_bookings SET print_state = ? WHERE uuid = ?').run(state, uuid);
}
