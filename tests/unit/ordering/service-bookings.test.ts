import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { refusalReason } from '../../../contract/calls/ordering-calls';
import { ApiRefusal } from '../../../main/api/dispatch';
import { bookedAssessments } from '../../../main/ordering/assessment-bookings';
import { balance, rowsOfRecord } from '../../../main/ordering/ledger';
import {
  bookService,
  cancelBooking,
  serviceCatalogue,
  serviceSlots,
} from '../../../main/ordering/service-bookings';
import { TODAY, at, count, demoStation, elder, type Station } from './ordering-fixture';

let station: Station;
afterEach(() => station.db.close());

function reasonOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof ApiRefusal) return refusalReason(error.message);
    throw error;
  }
}

const firstSlot = (s: Station, serviceId: string): string => {
  const slot = serviceSlots(s.ctx, serviceId)[0];
  if (!slot) throw new Error(`no slot for ${serviceId}`);
  return slot.id;
};

describe('the service catalogue', () => {
  it('lists the seven 点单式 services with duration, price and what this elder pays', () => {
    station = demoStation();
    const list = serviceCatalogue(station.ctx, elder('nx-0002'));
    expect(list.map((s) => s.name)).toEqual([
      '助浴',
      '助洁',
      '助医/陪诊',
      '理发',
      '康复理疗',
      '上门探访',
      '能力评估',
    ]);
    const haircut = list.find((s) => s.id === 's-haircut');
    expect(haircut).toMatchObject({ fullFen: 1000, elderFen: 500, durationMinutes: 30 }); // 50% for 60+
    expect(list.find((s) => s.id === 's-assessment')?.isAssessment).toBe(true);
  });

  it('government-purchased hours cover whole visits until the month runs out', () => {
    station = demoStation();
    const { ctx } = station;
    // nx-0007: 92, severe loss of self-care: 高龄失能老人养老服务 (item 11) gives purchased hours
    const e = elder('nx-0007');
    const bath = serviceCatalogue(ctx, e).find((s) => s.id === 's-bath');
    expect(bath).toMatchObject({ elderFen: 0, purchasedMinutesLeft: 120 });
    const slots = serviceSlots(ctx, 's-bath').filter((s) => s.startsAt.startsWith('2026-11'));
    const first = bookService(ctx, e, {
      uuid: randomUUID(),
      slotId: slots[0]?.id ?? '',
      payment: 'cash',
    });
    expect(first.quote.purchasedMinutes).toBe(60);
    expect(first.quote.total).toMatchObject({ government: 5000, personal: 0 });
    expect(first.payment).toBe('none');
    bookService(ctx, e, { uuid: randomUUID(), slotId: slots[1]?.id ?? '', payment: 'cash' });
    const third = bookService(ctx, e, {
      uuid: randomUUID(),
      slotId: slots[2]?.id ?? '',
      payment: 'cash',
    });
    expect(third.quote.purchasedMinutes).toBe(0); // 120 minutes used up this month
    expect(third.paymentState).toBe('awaiting-cash');
  });
});

describe('booking a slot', () => {
  it('books, counts the seat, writes ledger and outbox rows, and refuses a full slot', () => {
    station = demoStation();
    const { ctx, db } = station;
    const slotId = firstSlot(station, 's-bath'); // capacity 1
    const view = bookService(ctx, elder('nx-0002'), {
      uuid: randomUUID(),
      slotId,
      payment: 'meal-wallet',
    });
    expect(view.status).toBe('booked');
    expect(view.bookingNumber).toBe('预0001');
    expect(view.quote.total).toEqual({
      fullFen: 5000,
      government: 1000,
      enterprise: 0,
      charity: 0,
      personal: 4000,
    });
    expect(balance(db, 'elder:meal-wallet', 'nx-0002')).toBe(6000);
    expect(count(db, 'SELECT booked AS n FROM service_slots WHERE id = ?', slotId)).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM outbox WHERE type = 'service.booking'")).toBe(1);
    expect(
      reasonOf(() =>
        bookService(ctx, elder('nx-0006'), { uuid: randomUUID(), slotId, payment: 'cash' }),
      ),
    ).toBe('slot-full');
    expect(count(db, 'SELECT count(*) AS n FROM service_bookings')).toBe(1);
  });

  it('cancelling frees the seat and refunds through reversal rows', () => {
    station = demoStation();
    const { ctx, db } = station;
    const slotId = firstSlot(station, 's-bath');
    const view = bookService(ctx, elder('nx-0002'), {
      uuid: randomUUID(),
      slotId,
      payment: 'meal-wallet',
    });
    const cancelled = cancelBooking(ctx, elder('nx-0002'), view.uuid);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.paymentState).toBe('refunded');
    expect(balance(db, 'elder:meal-wallet', 'nx-0002')).toBe(10_000);
    expect(rowsOfRecord(db, view.uuid).filter((r) => r.reverses).length).toBeGreaterThan(0);
    expect(count(db, 'SELECT booked AS n FROM service_slots WHERE id = ?', slotId)).toBe(0);
    expect(
      reasonOf(() =>
        bookService(ctx, elder('nx-0006'), { uuid: randomUUID(), slotId, payment: 'cash' }),
      ),
    ).toBeNull();
  });

  it('refuses a slot that has started, and a cancellation after the start', () => {
    station = demoStation();
    const { ctx, clock } = station;
    const slot = serviceSlots(ctx, 's-haircut')[0];
    if (!slot) throw new Error('no slot');
    const view = bookService(ctx, elder('nx-0002'), {
      uuid: randomUUID(),
      slotId: slot.id,
      payment: 'cash',
    });
    clock.now = new Date(Date.parse(slot.startsAt));
    expect(reasonOf(() => cancelBooking(ctx, elder('nx-0002'), view.uuid))).toBe('not-cancellable');
    expect(
      reasonOf(() =>
        bookService(ctx, elder('nx-0006'), {
          uuid: randomUUID(),
          slotId: slot.id,
          payment: 'cash',
        }),
      ),
    ).toBe('slot-past');
  });

  it('a booked 能力评估 is visible to the entitlement side (view assessment_bookings)', () => {
    station = demoStation(':memory:', at('08:00:00', TODAY));
    const { ctx, db } = station;
    const slotId = firstSlot(station, 's-assessment');
    const view = bookService(ctx, elder('nx-0001'), {
      uuid: randomUUID(),
      slotId,
      payment: 'cash',
    });
    expect(view.quote.total.fullFen).toBe(0);
    expect(view.payment).toBe('none');
    const rows = db.prepare('SELECT elder_id, uuid FROM assessment_bookings').all();
    expect(rows).toEqual([{ elder_id: 'nx-0001', uuid: view.uuid }]);
    expect(bookedAssessments(db, 'nx-0001')).toEqual([
      { uuid: view.uuid, startsAt: view.quote.slot.startsAt },
    ]);
    cancelBooking(ctx, elder('nx-0001'), view.uuid);
    expect(db.prepare('SELECT * FROM assessment_bookings').all()).toEqual([]);
  });
});
