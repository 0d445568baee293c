import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../main/config/load-config';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { demoElders } from '../../../main/demo/demo-elders';
import { ensureDemoOrdering } from '../../../main/ordering/ordering-demo';
import { orderingHandlers } from '../../../main/ordering/ordering-handlers';
import { openStationDatabase } from '../../../main/store/open-database';
import { SyncWorker, type SyncEvent } from '../../../main/sync/sync-worker';
import { backends, freshPlatform, stopPostgres } from './backends';
import { tempDir, waitFor } from './station';

afterAll(stopPostgres);

const TODAY = '2026-11-23';
const now = new Date(`${TODAY}T08:30:00+08:00`); // before the lunch cut-off at 10:00

describe.each(backends)('platform credits into the ledger on %s', (backend) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('a credit the platform admin adds is pulled, posted once, and pays a meal from 补贴余额', async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice();
    const db = openStationDatabase(join(tempDir(), 'station.sqlite'));
    cleanup.push(() => void db.close());
    seedDemoStation(db, TODAY);
    ensureDemoOrdering(db, TODAY, now);
    const elder = demoElders[0];
    if (!elder) throw new Error('no demo elders');
    const ordering = orderingHandlers({
      db,
      elder: () => elder,
      now: () => now,
      config: defaultConfig,
      printTicket: async () => undefined,
    });
    const dish = (await ordering['meals.menu']({ date: TODAY })).sittings.find(
      (s) => s.sitting === 'lunch',
    )?.dishes[0];
    if (!dish) throw new Error('no lunch on the demo menu');
    const choice = {
      date: TODAY,
      sitting: 'lunch' as const,
      dishId: dish.id,
      quantity: 1,
      delivery: false,
    };
    const personal = (await ordering['meals.quote'](choice)).total.personal;
    expect(personal).toBeGreaterThan(0);
    const order = () =>
      ordering['meals.order']({ ...choice, uuid: randomUUID(), payment: 'subsidy-balance' });
    const subsidy = async (): Promise<number> =>
      (await ordering['meals.balances']({})).subsidyBalanceFen;

    // Nothing in 补贴余额 yet: the kiosk refuses to take the meal from it.
    expect(await subsidy()).toBe(0);
    await expect(order()).rejects.toThrow(/insufficient-balance/);

    const credit = {
      id: randomUUID(),
      elderId: elder.id,
      account: 'subsidy-balance',
      amountFen: 3000,
      funder: 'government',
      memo: '2026年11月助餐补贴',
      issuedAt: '2026-11-01T00:00:00+08:00',
    };
    const upload = (items: unknown[]) =>
      platform.admin<{
        accepted: number;
        duplicate: number;
        rejected: { index: number; issues: string[] }[];
      }>('POST', '/v1/admin/credits', items);
    expect(await upload([credit, { ...credit, id: randomUUID(), amountFen: 0 }])).toEqual({
      accepted: 1,
      duplicate: 0,
      rejected: [{ index: 1, issues: [expect.stringMatching(/^amountFen: /)] }],
    });

    const events: SyncEvent[] = [];
    const w = new SyncWorker(
      db,
      { url: platform.url, ...device },
      { idleMs: 50, pullIntervalMs: 100, onEvent: (e) => events.push(e) },
    );
    cleanup.push(() => w.stop());
    w.start();
    await waitFor('the credit', async () => (await subsidy()) === 3000);
    const paid = await order();
    expect(paid).toMatchObject({
      status: 'placed',
      payment: 'subsidy-balance',
      paymentState: 'paid',
      quote: { total: { personal } },
    });
    expect(await subsidy()).toBe(3000 - personal);

    // Sent again, or changed: the platform keeps the credit as it was.
    expect(await upload([credit])).toEqual({ accepted: 0, duplicate: 1, rejected: [] });
    const changed = await upload([{ ...credit, amountFen: 999_999 }]);
    expect(changed.rejected[0]?.issues[0]).toMatch(
      /a different credit with this id is already held/,
    );

    // A station restored from an old backup pulls everything again: the credit is not posted twice.
    db.prepare('UPDATE sync_status SET pull_cursor = 0').run();
    const pullsBefore = events.filter((e) => e.type === 'pulled').length;
    w.requestPull();
    await waitFor('a pull from the start', () =>
      events.slice(pullsBefore).some((e) => e.type === 'pulled' && e.changes > 0),
    );
    expect(
      events
        .filter((e) => e.type === 'pulled')
        .reduce((n, e) => n + (e.type === 'pulled' ? e.credited : 0), 0),
    ).toBe(1);
    expect(await subsidy()).toBe(3000 - personal);
    expect(
      db.prepare('SELECT count(*) AS n FROM ledger_entries WHERE record_uuid = ?').get(credit.id),
    ).toEqual({ n: 2 });

    // The platform hears which station booked the credit, and when.
    await waitFor('credit.applied on the platform', async () =>
      (await platform.transactions(device.deviceId)).some(
        (t) => t.type === 'credit.applied' && t.payload.creditId === credit.id,
      ),
    );
  });
});
