import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketData } from '../../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../../contract/elder';
import { createDispatch, type Handlers } from '../../../main/api/dispatch';
import { defaultConfig } from '../../../main/config/load-config';
import { orderingHandlers } from '../../../main/ordering/ordering-handlers';
import { encodeTicket } from '../../../hardware/printer/ticket';
import { TODAY, count, demoStation, dishOf, elder, type Station } from './ordering-fixture';

let station: Station;
afterEach(() => station.db.close());

function setup(
  printTicket: (t: TicketData) => Promise<void>,
  who: ElderRecord | null = elder('nx-0001'),
) {
  station = demoStation();
  const session = { elder: who };
  const handlers = orderingHandlers({
    db: station.db,
    elder: () => session.elder,
    now: () => station.clock.now,
    config: defaultConfig,
    printTicket,
    printTimeoutMs: 200,
  });
  // Only the ordering calls are exercised; the rest of the dispatcher is the lead's.
  const dispatch = createDispatch(handlers as unknown as Handlers);
  return { handlers, dispatch, session };
}

describe('ordering handlers: commit first, print after', () => {
  it('prints the committed order; the ticket encodes for the ESC/POS printer', async () => {
    const printed: TicketData[] = [];
    const { dispatch } = setup(async (t) => void printed.push(t));
    const dish = dishOf(station.db, 'lunch');
    const result = await dispatch('meals.order', {
      uuid: randomUUID(),
      date: TODAY,
      sitting: 'lunch',
      dishId: dish.id,
      quantity: 1,
      delivery: true,
      payment: 'meal-wallet',
    });
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value as { printState: string; queueNumber: string; uuid: string };
    expect(view.printState).toBe('printed');
    expect(printed).toHaveLength(1);
    const bytes = encodeTicket(printed[0] as TicketData);
    expect(bytes.includes(iconv.encode(view.queueNumber, 'gb18030'))).toBe(true);
    expect(bytes.includes(iconv.encode('送餐上门', 'gb18030'))).toBe(true);
    expect(
      count(station.db, "SELECT count(*) AS n FROM meal_orders WHERE print_state = 'printed'"),
    ).toBe(1);
  });

  it('a failed or hung print keeps the order, marks it failed, and a reprint prints it', async () => {
    let mode: 'fail' | 'hang' | 'ok' = 'fail';
    const printed: TicketData[] = [];
    const { handlers } = setup(async (t) => {
      if (mode === 'fail') throw new Error('paper out');
      if (mode === 'hang') return new Promise<void>(() => undefined);
      printed.push(t);
    });
    const dish = dishOf(station.db, 'lunch');
    const base = {
      date: TODAY,
      sitting: 'lunch' as const,
      dishId: dish.id,
      quantity: 1,
      delivery: false,
      payment: 'cash' as const,
    };
    const failed = await handlers['meals.order']({ ...base, uuid: randomUUID() });
    expect(failed.printState).toBe('failed');
    mode = 'hang';
    const hung = await handlers['meals.order']({ ...base, uuid: randomUUID() });
    expect(hung.printState).toBe('failed');
    expect(count(station.db, 'SELECT count(*) AS n FROM meal_orders')).toBe(2);
    mode = 'ok';
    const again = await handlers['meals.reprint']({ uuid: failed.uuid });
    expect(again.printState).toBe('printed');
    expect(printed[0]?.footer).toContain('（补打）');
    expect(
      count(station.db, "SELECT count(*) AS n FROM meal_orders WHERE print_state = 'failed'"),
    ).toBe(1);
  });

  it('refuses every call without an elder in session, with the reason first', async () => {
    const { dispatch } = setup(async () => undefined, null);
    const result = await dispatch('meals.menu', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'refused', message: 'no-elder: no elder is in session' },
    });
  });

  it('menus, balances, catalogue, slots and bookings through the handlers', async () => {
    const { handlers } = setup(async () => undefined, elder('nx-0003'));
    const menu = await handlers['meals.menu']({});
    expect(menu.tier).toBe('hardship');
    expect(menu.delivery).toEqual({ allowed: true, feeFen: 300, elderFeeFen: 0, free: true });
    expect(menu.sittings.map((s) => s.sitting)).toEqual(['lunch', 'dinner']);
    expect(await handlers['meals.balances']({})).toEqual({
      mealWalletFen: 10_000,
      subsidyBalanceFen: 0,
    });
    const catalogue = await handlers['services.catalogue']({});
    expect(catalogue).toHaveLength(7);
    const slots = await handlers['services.slots']({ serviceId: 's-haircut' });
    const booking = await handlers['services.book']({
      uuid: randomUUID(),
      slotId: slots[0]?.id ?? '',
      payment: 'meal-wallet',
    });
    expect(booking.printState).toBe('printed');
    expect(booking.ticket.lines[0]).toBe(`预约号 ${booking.bookingNumber}`);
    expect(await handlers['services.myBookings']({})).toHaveLength(1);
    const cancelled = await handlers['services.cancel']({ uuid: booking.uuid });
    expect(cancelled.status).toBe('cancelled');
  });
});
