import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketData } from '../../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../../contract/elder';
import { ApiRefusal } from '../../../main/api/dispatch';
import { defaultConfig } from '../../../main/config/load-config';
import { orderingHandlers } from '../../../main/ordering/ordering-handlers';
import { TODAY, count, demoStation, dishOf, elder, type Station } from './ordering-fixture';

let station: Station;
afterEach(() => station.db.close());

/** The ordering handlers over the fixture station with a printer the test controls. */
/** Books the demo's first haircut slot for the elder in session, paid from her meal wallet. */
async function bookHaircut(handlers: ReturnType<typeof setup>) {
  const [slot] = await handlers['services.slots']({ serviceId: 's-haircut' });
  return handlers['services.book']({
    uuid: randomUUID(),
    slotId: slot?.id ?? '',
    payment: 'meal-wallet',
  });
}

function setup(printTicket: (t: TicketData) => Promise<void>, who: ElderRecord = elder('nx-0001')) {
  station = demoStation();
  return orderingHandlers({
    db: station.db,
    elder: () => who,
    now: () => station.clock.now,
    config: defaultConfig,
    printTicket,
    printTimeoutMs: 200,
  });
}

const lunch = (uuid = randomUUID()) => ({
  uuid,
  date: TODAY,
  sitting: 'lunch' as const,
  dishId: dishOf(station.db, 'lunch').id,
  quantity: 1,
  delivery: false,
  payment: 'meal-wallet' as const,
});

async function refusal(call: unknown): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiRefusal) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('printing happens only after the commit', () => {
  it('the printer sees no open transaction and the record with its ledger and outbox rows', async () => {
    const seen: { inTransaction: boolean; rows: number; ledger: number; outbox: number }[] = [];
    const handlers = setup(async (ticket) => {
      const uuid = ticket.footer?.at(-1) ?? '';
      const { db } = station;
      seen.push({
        inTransaction: db.inTransaction,
        rows:
          count(db, 'SELECT count(*) AS n FROM meal_orders WHERE uuid = ?', uuid) +
          count(db, 'SELECT count(*) AS n FROM service_bookings WHERE uuid = ?', uuid),
        ledger: count(db, 'SELECT count(*) AS n FROM ledger_entries WHERE record_uuid = ?', uuid),
        outbox: count(db, 'SELECT count(*) AS n FROM outbox WHERE uuid = ?', uuid),
      });
    });
    const order = await handlers['meals.order'](lunch());
    await handlers['meals.reprint']({ uuid: order.uuid });
    const booking = await bookHaircut(handlers);
    await handlers['services.reprint']({ uuid: booking.uuid });
    expect(seen).toHaveLength(4);
    for (const s of seen) {
      expect(s.inTransaction).toBe(false);
      expect(s.rows).toBe(1);
      expect(s.ledger).toBeGreaterThan(0);
      expect(s.outbox).toBe(1);
    }
  });
});

describe('reprints', () => {
  it('services.reprint prints a failed booking ticket again, marked 补打, and records it', async () => {
    let paper = false;
    const printed: TicketData[] = [];
    const handlers = setup(async (t) => {
      if (!paper) throw new Error('paper out');
      printed.push(t);
    });
    const booking = await bookHaircut(handlers);
    expect(booking.printState).toBe('failed');
    paper = true;
    const again = await handlers['services.reprint']({ uuid: booking.uuid });
    expect(again.printState).toBe('printed');
    expect(printed[0]?.lines[0]).toBe(`预约号 ${booking.bookingNumber}`);
    expect(printed[0]?.footer).toContain('（补打）');
    const [myBooking] = await handlers['services.myBookings']({});
    expect(myBooking?.printState).toBe('printed');
    const reprints = station.db
      .prepare("SELECT payload FROM outbox WHERE type = 'ticket.reprint'")
      .all() as { payload: string }[];
    expect(reprints.map((r) => JSON.parse(r.payload) as unknown)).toEqual([
      expect.objectContaining({
        recordUuid: booking.uuid,
        record: 'service-booking',
        elderId: 'nx-0001',
        staffId: null,
      }),
    ]);
  });

  it('a cancelled (refunded) order or booking is never printed again as a valid ticket', async () => {
    const printed: TicketData[] = [];
    const handlers = setup(async (t) => void printed.push(t));
    const order = await handlers['meals.order'](lunch());
    await handlers['meals.cancel']({ uuid: order.uuid });
    const booking = await bookHaircut(handlers);
    await handlers['services.cancel']({ uuid: booking.uuid });
    printed.length = 0;

    expect(await refusal(handlers['meals.reprint']({ uuid: order.uuid }))).toMatch(
      /^record-cancelled: order .* was cancelled and refunded/,
    );
    expect(await refusal(handlers['services.reprint']({ uuid: booking.uuid }))).toMatch(
      /^record-cancelled: booking .* was cancelled and refunded/,
    );
    expect(printed).toEqual([]);
    expect(
      count(station.db, "SELECT count(*) AS n FROM outbox WHERE type = 'ticket.reprint'"),
    ).toBe(0);
  });

  it("another elder's record is not reprinted from this elder's session", async () => {
    const handlers = setup(async () => undefined);
    const order = await handlers['meals.order'](lunch());
    const other = orderingHandlers({
      db: station.db,
      elder: () => elder('nx-0002'),
      now: () => station.clock.now,
      config: defaultConfig,
      printTicket: async () => undefined,
    });
    expect(await refusal(other['meals.reprint']({ uuid: order.uuid }))).toMatch(/^not-yours:/);
  });
});

describe('cancellations carry their reversal in the outbox', () => {
  it('meal.cancel and service.cancel list the ledger lines that undo the sale, summing to zero', async () => {
    const handlers = setup(async () => undefined);
    const order = await handlers['meals.order'](lunch());
    await handlers['meals.cancel']({ uuid: order.uuid });
    const [slot] = await handlers['services.slots']({ serviceId: 's-haircut' });
    const booking = await handlers['services.book']({
      uuid: randomUUID(),
      slotId: slot?.id ?? '',
      payment: 'cash',
    });
    await handlers['services.cancel']({ uuid: booking.uuid });
    type Line = { account: string; elderId: string; amountFen: number };
    const payload = (type: string) => {
      const row = station.db.prepare('SELECT payload FROM outbox WHERE type = ?').get(type) as {
        payload: string;
      };
      return JSON.parse(row.payload) as { ledger: Line[] };
    };
    for (const [sale, cancel] of [
      ['meal.order', 'meal.cancel'],
      ['service.booking', 'service.cancel'],
    ] as const) {
      const sold = payload(sale).ledger;
      const undone = payload(cancel).ledger;
      expect(undone.length).toBeGreaterThan(0);
      expect(undone).toEqual(sold.map((l) => ({ ...l, amountFen: -l.amountFen })));
      expect(undone.reduce((s, l) => s + l.amountFen, 0)).toBe(0);
    }
  });
});
