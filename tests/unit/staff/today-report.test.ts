import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MealOrderView, Sitting } from '../../../contract/calls/ordering-calls';
import { at, dishOf, TODAY } from '../ordering/ordering-fixture';
import { STAFF, staffStation, type StaffStation } from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

async function order(
  elderId: string,
  sitting: Sitting,
  quantity: number,
  delivery: boolean,
  payment: 'meal-wallet' | 'cash' = 'meal-wallet',
): Promise<MealOrderView> {
  await station.call('staff.assist', { elderId });
  return station.call('meals.order', {
    uuid: randomUUID(),
    date: TODAY,
    sitting,
    dishId: dishOf(station.db, sitting).id,
    quantity,
    delivery,
    payment,
  });
}

/** RFC 4180 CSV back into rows: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe("today's lists from real orders", () => {
  it('counts portions per dish and sitting; lists deliveries with address and phone', async () => {
    station = staffStation();
    await station.signIn();
    const a = await order('nx-0001', 'lunch', 1, true); // hardship: free delivery
    await order('nx-0002', 'lunch', 2, false);
    await order('nx-0003', 'dinner', 1, true);
    const cancelled = await order('nx-0006', 'lunch', 1, false);
    await station.call('meals.cancel', { uuid: cancelled.uuid });

    const today = await station.call('staff.today', {});
    const lunchDish = dishOf(station.db, 'lunch').id;
    expect(
      today.kitchen.find((k) => k.sitting === 'lunch' && k.dishId === lunchDish),
    ).toMatchObject({ dineIn: 2, delivery: 1, served: 0 });
    expect(today.kitchen.find((k) => k.sitting === 'dinner')).toMatchObject({
      dineIn: 0,
      delivery: 1,
    });
    expect(today.delivery).toHaveLength(2);
    const first = today.delivery.find((d) => d.orderUuid === a.uuid);
    expect(first).toMatchObject({ elderName: '张桂英', state: 'open', queueNumber: a.queueNumber });
    expect(first?.address).toMatch(/南浔镇/);
    expect(first?.phone).toMatch(/^\d{11}$/);
    expect(today.dineIn.map((d) => d.quantity)).toEqual([2]);

    const after = await station.call('staff.markServed', { orderUuid: a.uuid, state: 'delivered' });
    expect(after.delivery.find((d) => d.orderUuid === a.uuid)?.state).toBe('delivered');
    const row = station.db
      .prepare("SELECT payload FROM outbox WHERE type = 'meal.delivered'")
      .get() as { payload: string };
    expect(JSON.parse(row.payload)).toMatchObject({
      orderUuid: a.uuid,
      elderId: 'nx-0001',
      staffId: STAFF.id,
    });
    expect(
      await station.refused('staff.markServed', { orderUuid: cancelled.uuid, state: 'served' }),
    ).toMatch(/^not-found/);
  });

  it("lists today's bookings per slot", async () => {
    station = staffStation();
    await station.signIn();
    await station.call('staff.assist', { elderId: 'nx-0001' });
    const services = await station.call('services.catalogue', {});
    let booked: { slotId: string } | null = null;
    for (const s of services) {
      const slot = (await station.call('services.slots', { serviceId: s.id })).find(
        (x) => x.left > 0 && x.startsAt.startsWith(TODAY),
      );
      if (slot) {
        await station.call('services.book', {
          uuid: randomUUID(),
          slotId: slot.id,
          payment: 'meal-wallet',
        });
        booked = { slotId: slot.id };
        break;
      }
    }
    const today = await station.call('staff.today', {});
    expect(today.slots.length).toBeGreaterThan(0);
    if (booked) {
      const slot = today.slots.find((s) => s.slotId === booked.slotId);
      expect(slot?.elders.map((e) => e.elderName)).toEqual(['张桂英']);
      expect(slot?.booked).toBe(1);
    }
  });
});

describe('end-of-day report', () => {
  it('totals by funder equal the ledger and the orders; printed; CSV parses back', async () => {
    station = staffStation();
    await station.signIn();
    const orders = [
      await order('nx-0001', 'lunch', 1, true),
      await order('nx-0002', 'lunch', 3, false),
      await order('nx-0005', 'dinner', 1, false, 'cash'),
    ];
    const dropped = await order('nx-0006', 'dinner', 1, false);
    await station.call('meals.cancel', { uuid: dropped.uuid });

    const report = await station.call('staff.report', {});
    expect(report.meals).toMatchObject({ orders: 3, portions: 5, cancelled: 1 });
    const sum = (f: 'government' | 'enterprise' | 'charity' | 'personal'): number =>
      orders.reduce((s, o) => s + o.quote.total[f], 0);
    for (const f of ['government', 'enterprise', 'charity', 'personal'] as const)
      expect(report.funders.meals[f]).toBe(sum(f));
    expect(report.salesFen.meals).toBe(orders.reduce((s, o) => s + o.quote.total.fullFen, 0));

    // The ledger, read independently: every payer account's net from sales on the day (the
    // demo wallets' opening deposits are not sales).
    const ledger = (where: string): number =>
      -(
        station.db
          .prepare(
            `SELECT coalesce(sum(amount_fen), 0) AS n FROM ledger_entries WHERE record_kind IN ('meal-order', 'service-booking') AND (${where})`,
          )
          .get() as { n: number }
      ).n;
    expect(report.funders.total.government).toBe(ledger("account = 'funder:government'"));
    expect(report.funders.total.charity).toBe(ledger("account = 'funder:charity'"));
    expect(report.funders.total.personal).toBe(
      ledger("(account LIKE 'elder:%' OR account = 'counter:cash-due')"),
    );
    const f = report.funders.total;
    expect(f.government + f.enterprise + f.charity + f.personal).toBe(report.salesFen.total);

    const printed = await station.call('staff.printReport', {});
    expect(printed).toEqual({ printed: true, error: null });
    expect(station.printed.at(-1)?.title).toBe('日结报表');
    expect(JSON.stringify(station.printed.at(-1))).not.toMatch(/张桂英/);

    const { filename, csv } = await station.call('staff.reportCsv', {});
    expect(filename).toBe(`yiyang-nanxun-demo-01-${TODAY}.csv`);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['date', 'station', 'part', 'funder', 'yuan', 'fen']);
    const cell = (part: string, funder: string): number =>
      Number(rows.find((r) => r[2] === part && r[3] === funder)?.[5]);
    for (const fu of ['government', 'enterprise', 'charity', 'personal'] as const) {
      expect(cell('meals', fu)).toBe(report.funders.meals[fu]);
      expect(cell('total', fu)).toBe(report.funders.total[fu]);
    }
    expect(cell('meals', 'portions')).toBe(5);
    const yuan = rows.find((r) => r[2] === 'total' && r[3] === 'sales')?.[4];
    expect(yuan).toBe((report.salesFen.total / 100).toFixed(2));
  });

  it('a failed print is reported, not thrown', async () => {
    station = staffStation();
    await station.signIn();
    station.printed.push = () => {
      throw new Error('out of paper');
    };
    expect(await station.call('staff.printReport', {})).toEqual({
      printed: false,
      error: 'out of paper',
    });
  });
});

describe('cash at the counter', () => {
  it('lists what a cash order still owes and moves it to the drawer when staff confirm', async () => {
    station = staffStation();
    await station.signIn();
    const cash = await order('nx-0002', 'lunch', 1, false, 'cash');
    const wallet = await order('nx-0006', 'lunch', 1, false);
    const before = await station.call('staff.today', {});
    const due = before.dineIn.find((d) => d.orderUuid === cash.uuid)?.cashDueFen;
    expect(due).toBeGreaterThan(0);
    expect(before.dineIn.find((d) => d.orderUuid === wallet.uuid)?.cashDueFen).toBeNull();

    const drawer = (): number =>
      (
        station.db
          .prepare(
            "SELECT coalesce(sum(amount_fen), 0) AS n FROM ledger_entries WHERE account = 'counter:cash-drawer'",
          )
          .get() as { n: number }
      ).n;
    const drawerBefore = drawer();
    const after = await station.call('staff.confirmCash', { orderUuid: cash.uuid });
    expect(after.dineIn.find((d) => d.orderUuid === cash.uuid)?.cashDueFen).toBeNull();
    expect(Math.abs(drawer() - drawerBefore)).toBe(due);
    const row = station.db
      .prepare("SELECT payload FROM outbox WHERE type = 'meal.cash-confirm'")
      .get() as { payload: string };
    expect(JSON.parse(row.payload)).toMatchObject({ orderUuid: cash.uuid, staffId: STAFF.id });
  });
});

describe('the cash drawer in the end-of-day report', () => {
  const drawerRows = (): number =>
    (
      station.db
        .prepare(
          "SELECT coalesce(sum(amount_fen), 0) AS n FROM ledger_entries WHERE account = 'counter:cash-drawer'",
        )
        .get() as { n: number }
    ).n;
  const topUp = async (elderId: string, amountFen: number): Promise<void> => {
    await station.call('staff.assist', { elderId });
    await station.call('staff.topUp', { uuid: randomUUID(), elderId, amountFen });
  };

  it('two cash confirmations, a top-up and a refund on the Shanghai day; other days not counted', async () => {
    station = staffStation(); // the demo's opening wallets come from the drawer with no staff member
    await station.signIn();
    // One millisecond before today began in Shanghai: yesterday's.
    station.clock.now = at('23:59:59.999', '2026-11-22');
    await topUp('nx-0003', 2_000);
    const drawerAtMidnight = drawerRows();

    // 07:30 in Shanghai is still yesterday in UTC: today's all the same.
    station.clock.now = at('07:30:00');
    const meal = await order('nx-0002', 'lunch', 1, false, 'cash');
    await station.call('staff.confirmCash', { orderUuid: meal.uuid });
    const [slot] = await station.call('services.slots', { serviceId: 's-haircut' });
    const booking = await station.call('services.book', {
      uuid: randomUUID(),
      slotId: slot?.id ?? '',
      payment: 'cash',
    });
    await station.call('staff.confirmCash', { bookingUuid: booking.uuid });
    station.clock.now = at('08:40:00');
    await topUp('nx-0001', 5_000);
    // The paid meal is cancelled: its cash goes back. An unpaid cash order cancelled is no refund.
    station.clock.now = at('09:00:00');
    await station.call('staff.assist', { elderId: 'nx-0002' });
    await station.call('meals.cancel', { uuid: meal.uuid });
    const unpaid = await order('nx-0006', 'dinner', 1, false, 'cash');
    await station.call('meals.cancel', { uuid: unpaid.uuid });
    const drawerAtEndOfDay = drawerRows();
    // Midnight in Shanghai is 16:00 UTC on the same date: tomorrow's, not today's.
    station.clock.now = at('00:00:00.000', '2026-11-24');
    await topUp('nx-0003', 3_000);

    const mealFen = meal.quote.total.personal;
    const bookingFen = booking.quote.total.personal;
    expect(mealFen).toBeGreaterThan(0);
    expect(bookingFen).toBeGreaterThan(0);
    const report = await station.call('staff.report', { date: TODAY });
    expect(report.cashDrawer).toEqual({
      meals: { count: 1, fen: mealFen },
      services: { count: 1, fen: bookingFen },
      topUps: { count: 1, fen: 5_000 },
      refunds: { count: 1, fen: mealFen },
      expectedFen: bookingFen + 5_000,
    });
    // The ledger agrees: the drawer's rows written during the day are the expected cash, in.
    expect(report.cashDrawer.expectedFen).toBe(-(drawerAtEndOfDay - drawerAtMidnight));
    expect((await station.call('staff.report', { date: '2026-11-22' })).cashDrawer).toMatchObject({
      topUps: { count: 1, fen: 2_000 },
      expectedFen: 2_000,
    });
    expect((await station.call('staff.report', { date: '2026-11-24' })).cashDrawer).toEqual({
      meals: { count: 0, fen: 0 },
      services: { count: 0, fen: 0 },
      topUps: { count: 1, fen: 3_000 },
      refunds: { count: 0, fen: 0 },
      expectedFen: 3_000,
    });

    await station.call('staff.printReport', { date: TODAY });
    const printed = station.printed.at(-1)?.lines ?? [];
    const yuan = (fen: number): string => (fen / 100).toFixed(2);
    expect(printed).toContain(`  助餐收现金 1 笔 ${yuan(mealFen)} 元`);
    expect(printed).toContain(`  服务收现金 1 笔 ${yuan(bookingFen)} 元`);
    expect(printed).toContain('  餐费充值 1 笔 50.00 元');
    expect(printed).toContain(`  退还现金 1 笔 -${yuan(mealFen)} 元`);
    expect(printed).toContain(`  应有现金 ${yuan(bookingFen + 5_000)} 元`);

    const rows = parseCsv((await station.call('staff.reportCsv', { date: TODAY })).csv);
    const drawer = rows.filter((r) => r[2] === 'cash-drawer');
    const cell = (line: string): number => Number(drawer.find((r) => r[3] === line)?.[5]);
    expect(cell('meal-cash')).toBe(mealFen);
    expect(cell('service-cash')).toBe(bookingFen);
    expect(cell('top-ups')).toBe(5_000);
    expect(cell('refunds')).toBe(-mealFen);
    expect(cell('expected')).toBe(bookingFen + 5_000);
    for (const line of ['meal-cash', 'service-cash', 'top-ups', 'refunds'])
      expect(cell(`${line}-count`)).toBe(1);
    // The signed movements add up to the expected cash, in fen and in yuan.
    const movements = drawer.filter((r) => !r[3]?.endsWith('-count') && r[3] !== 'expected');
    expect(movements.reduce((s, r) => s + Number(r[5]), 0)).toBe(cell('expected'));
    expect(drawer.find((r) => r[3] === 'expected')?.[4]).toBe(yuan(bookingFen + 5_000));
  });
});
