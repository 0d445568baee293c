import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAPER_OUT, PRINTER_OK } from '../../support/printer-peer';
import { TODAY, printerStation, type PrinterStation } from './printer-station';

// The elder is told 小票没有打出来，请找工作人员补打. This walks that promise through the real
// calls, the real ESC/POS driver and a printer on a PTY that runs out of paper: the order stands,
// the counter sees the failed ticket in 今日, and staff print it again once paper is back.
let s: PrinterStation;
beforeEach(async () => {
  s = await printerStation();
});
afterEach(async () => {
  await s.close();
});

const ZHANG_CARD = '0A1B2C3D4E'; // 张桂英, nx-0001
const STAFF = { uid: '5A000001', pin: '123456', id: 'staff-01' };

async function signInStaff(): Promise<void> {
  s.core.cardTapped(STAFF.uid, 'test');
  const state = await s.call('staff.pin', { pin: STAFF.pin });
  expect(state.kind).toBe('staff');
}

async function orderLunchOutOfPaper() {
  s.core.cardTapped(ZHANG_CARD, 'test');
  const menu = await s.call('meals.menu', {});
  const dish = menu.sittings[0]?.dishes[0];
  if (!dish) throw new Error('no dish on the demo menu');
  s.printer.status = PAPER_OUT;
  const order = await s.call('meals.order', {
    uuid: randomUUID(),
    date: TODAY,
    sitting: 'lunch',
    dishId: dish.id,
    quantity: 1,
    delivery: false,
    payment: 'meal-wallet',
  });
  s.core.endSession(); // she leaves the ticket screen
  return order;
}

const outbox = (type: string) =>
  (
    s.db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY seq').all(type) as {
      payload: string;
    }[]
  ).map((r) => JSON.parse(r.payload) as Record<string, unknown>);

describe('staff reprint at the counter, printer on a PTY', () => {
  it('a ticket lost to paper-out shows as failed in 今日 and staff.reprint prints it, recorded', async () => {
    const order = await orderLunchOutOfPaper();
    expect(order.printState).toBe('failed');
    expect(s.printer.text()).not.toContain(order.queueNumber);

    await signInStaff();
    const today = await s.call('staff.today', {});
    expect(today.dineIn.find((d) => d.orderUuid === order.uuid)?.printState).toBe('failed');
    expect(today.unprinted.map((u) => u.uuid)).toEqual([order.uuid]);

    s.printer.status = PRINTER_OK;
    const again = await s.call('staff.reprint', { kind: 'order', uuid: order.uuid });
    expect(again.printState).toBe('printed');
    await s.printer.waitForText('（补打）');
    expect(s.printer.text()).toContain(order.queueNumber);
    expect(s.printer.text()).toContain('张桂英');

    const after = await s.call('staff.today', {});
    expect(after.dineIn.find((d) => d.orderUuid === order.uuid)?.printState).toBe('printed');
    expect(after.unprinted).toEqual([]);
    expect(outbox('ticket.reprint')).toEqual([
      expect.objectContaining({
        recordUuid: order.uuid,
        record: 'meal-order',
        elderId: 'nx-0001',
        staffId: STAFF.id,
      }),
    ]);
  });

  it('a booking whose ticket failed is reprinted by staff; a cancelled one is refused', async () => {
    s.core.cardTapped(ZHANG_CARD, 'test');
    const [slot, other] = await s.call('services.slots', { serviceId: 's-haircut' });
    if (!slot || !other) throw new Error('the demo haircut needs two slots');
    s.printer.status = PAPER_OUT;
    const booked = await s.call('services.book', {
      uuid: randomUUID(),
      slotId: slot.id,
      payment: 'meal-wallet',
    });
    const dropped = await s.call('services.book', {
      uuid: randomUUID(),
      slotId: other.id,
      payment: 'meal-wallet',
    });
    expect([booked.printState, dropped.printState]).toEqual(['failed', 'failed']);
    await s.call('services.cancel', { uuid: dropped.uuid });
    s.core.endSession();

    await signInStaff();
    const today = await s.call('staff.today', {});
    expect(today.unprinted.map((u) => u.uuid)).toEqual([booked.uuid]);
    s.printer.status = PRINTER_OK;
    expect((await s.call('staff.reprint', { kind: 'booking', uuid: booked.uuid })).printState).toBe(
      'printed',
    );
    await s.printer.waitForText(booked.bookingNumber);
    expect(s.printer.text()).toContain('（补打）');

    expect(await s.refused('staff.reprint', { kind: 'booking', uuid: dropped.uuid })).toMatch(
      /^refused record-cancelled: booking .* was cancelled and refunded/,
    );
    expect(s.printer.text()).not.toContain(dropped.bookingNumber);
  });

  it('without a staff session staff.reprint is refused and nothing prints', async () => {
    const order = await orderLunchOutOfPaper();
    s.printer.status = PRINTER_OK;
    expect(await s.refused('staff.reprint', { kind: 'order', uuid: order.uuid })).toMatch(
      /no-staff-session/,
    );
    expect(s.printer.text()).not.toContain(order.queueNumber);
    expect(outbox('ticket.reprint')).toEqual([]);
  });
});
