import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { balance } from '../../../main/ordering/ledger';
import { counterStation, STAFF, type CounterStation } from './counter-fixture';
import { TODAY, dishOf } from './ordering-fixture';

let s: CounterStation;
afterEach(() => s.close());

const outbox = (type: string) =>
  (
    s.db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY seq').all(type) as {
      payload: string;
    }[]
  ).map((r) => JSON.parse(r.payload) as Record<string, unknown>);

describe('cash at the counter for service bookings', () => {
  it('an unpaid cash booking is listed in 今日 and staff.confirmCash brings counter:cash-due back to 0', async () => {
    s = counterStation(async () => undefined);
    await s.counter('nx-0002'); // 沈建国: pays for a haircut himself
    const [slot] = await s.call('services.slots', { serviceId: 's-haircut' });
    const booking = await s.call('services.book', {
      uuid: randomUUID(),
      slotId: slot?.id ?? '',
      payment: 'cash',
    });
    const due = booking.quote.total.personal;
    expect(due).toBeGreaterThan(0);
    expect(booking.paymentState).toBe('awaiting-cash');
    expect(balance(s.db, 'counter:cash-due')).toBe(-due);

    const today = await s.call('staff.today', {});
    expect(today.cashDue).toEqual([
      expect.objectContaining({ kind: 'booking', uuid: booking.uuid, cashDueFen: due }),
    ]);
    const seat = today.slots.flatMap((x) => x.elders).find((e) => e.bookingUuid === booking.uuid);
    if (slot?.startsAt.startsWith(TODAY)) expect(seat?.cashDueFen).toBe(due);

    const after = await s.call('staff.confirmCash', { bookingUuid: booking.uuid });
    expect(after.cashDue).toEqual([]);
    expect(balance(s.db, 'counter:cash-due')).toBe(0);
    expect(balance(s.db, 'counter:cash-drawer')).toBe(-due - 10_000 * 14); // demo opening wallets
    expect(outbox('service.cash-confirm')).toEqual([
      expect.objectContaining({
        bookingUuid: booking.uuid,
        elderId: 'nx-0002',
        staffId: STAFF.id,
        amountFen: due,
      }),
    ]);
    const [mine] = await s.call('services.myBookings', {});
    expect(mine?.paymentState).toBe('paid');

    // A second tap does nothing; cancelling afterwards gives the cash back out of the drawer.
    await s.call('staff.confirmCash', { bookingUuid: booking.uuid });
    expect(outbox('service.cash-confirm')).toHaveLength(1);
    const cancelled = await s.call('services.cancel', { uuid: booking.uuid });
    expect(cancelled.paymentState).toBe('refunded');
    expect(balance(s.db, 'counter:cash-due')).toBe(0);
    expect(balance(s.db, 'counter:cash-drawer')).toBe(-10_000 * 14);
    expect(await s.refused('staff.confirmCash', { bookingUuid: booking.uuid })).toMatch(
      /^refused record-cancelled:/,
    );
  });

  it('orders and bookings owing cash are listed together, and meal cash confirms as before', async () => {
    s = counterStation(async () => undefined);
    await s.counter('nx-0002');
    const order = await s.call('meals.order', {
      uuid: randomUUID(),
      date: TODAY,
      sitting: 'lunch',
      dishId: dishOf(s.db, 'lunch').id,
      quantity: 1,
      delivery: false,
      payment: 'cash',
    });
    const [slot] = await s.call('services.slots', { serviceId: 's-haircut' });
    const booking = await s.call('services.book', {
      uuid: randomUUID(),
      slotId: slot?.id ?? '',
      payment: 'cash',
    });
    const today = await s.call('staff.today', {});
    expect(today.cashDue.map((c) => [c.kind, c.uuid])).toEqual([
      ['order', order.uuid],
      ['booking', booking.uuid],
    ]);
    expect(today.cashDue.reduce((sum, c) => sum + c.cashDueFen, 0)).toBe(
      -balance(s.db, 'counter:cash-due'),
    );
    const after = await s.call('staff.confirmCash', { orderUuid: order.uuid });
    expect(after.cashDue.map((c) => c.uuid)).toEqual([booking.uuid]);
    expect(await s.refused('staff.confirmCash', { orderUuid: booking.uuid })).toMatch(
      /^not-found not-found: no order/,
    );
  });
});
