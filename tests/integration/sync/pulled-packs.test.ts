import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BenefitsView } from '../../../contract/calls/benefit-calls';
import type { MenuView } from '../../../contract/calls/ordering-calls';
import { startStation, type Station } from '../../../main/boot/start-station';
import { defaultConfig } from '../../../main/config/load-config';
import { syncSummary } from '../../../main/sync/sync-summary';
import { projectRoot } from '../../support/kioskctl';
import { backends, freshPlatform, stopPostgres } from './backends';
import { tempDir, waitFor } from './station';

afterAll(stopPostgres);

type PackJson = { version: string; items: Record<string, unknown>[] } & Record<string, unknown>;
const shipped = JSON.parse(
  readFileSync(join(projectRoot, 'policies', 'nanxun-2023.json'), 'utf8'),
) as PackJson;

describe.each(backends)('policy packs pulled from the platform on %s', (backend) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('the station uses a newer valid pulled pack at once, and keeps it when a bad one comes', async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice();
    const log: string[] = [];
    const station: Station = startStation({
      dataDir: tempDir(),
      config: { ...defaultConfig, platform: { url: platform.url, ...device } },
      demo: true,
      firstRunDemo: true,
      localesDir: join(projectRoot, 'locales'),
      log: (l) => log.push(l),
    });
    cleanup.push(() => station.close());
    await station.ready;
    const sync = station.sync;
    if (!sync) throw new Error('the station started without its sync worker');

    const benefits = async (): Promise<BenefitsView> => {
      station.core.cardTapped('0A1B2C3D4E', 'test'); // demo elder nx-0001
      const r = await station.dispatch('benefits.list', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value as BenefitsView;
    };
    const cursor = (): number =>
      (station.db.prepare('SELECT pull_cursor AS c FROM sync_status').get() as { c: number }).c;
    const publish = async (pack: PackJson): Promise<void> => {
      const before = cursor();
      await platform.catalogue({
        policyPacks: [{ id: 'nanxun-2023', version: pack.version, body: pack }],
      });
      sync.requestPull();
      await waitFor(`the pull of pack ${pack.version}`, () => cursor() > before);
    };

    const first = await benefits();
    expect(first.pack.version).toBe(shipped.version);
    const item = first.groups.flatMap((g) => g.items)[0];
    if (!item) throw new Error('demo elder nx-0001 receives nothing under the shipped pack');

    // 1.1.0 narrows that item to elders of 150 and over: the elder no longer receives it.
    const narrowed: PackJson = {
      ...shipped,
      version: '1.1.0',
      items: shipped.items.map((i) =>
        i.id === item.id ? { ...i, audience: [{ if: 'age', min: 150 }] } : i,
      ),
    };
    await publish(narrowed);
    const second = await benefits();
    expect(second.pack.version).toBe('1.1.0');
    expect(second.groups.flatMap((g) => g.items).map((i) => i.id)).not.toContain(item.id);
    expect(second.notEligible.map((i) => i.id)).toContain(item.id);

    // Meals are priced under the pack in use as well: the order records 1.1.0 as its snapshot.
    const menu = await station.dispatch('meals.menu', {});
    if (!menu.ok) throw new Error(menu.error.message);
    const open = (menu.value as MenuView).sittings.find((s) => s.open && s.dishes.length > 0);
    const dish = open?.dishes[0];
    if (!open || !dish) throw new Error('the demo menu has no open sitting');
    const uuid = randomUUID();
    const placed = await station.dispatch('meals.order', {
      uuid,
      date: open.date,
      sitting: open.sitting,
      dishId: dish.id,
      quantity: 1,
      delivery: false,
      payment: 'cash',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    const row = station.db.prepare('SELECT snapshot FROM meal_orders WHERE uuid = ?').get(uuid) as {
      snapshot: string;
    };
    expect(JSON.parse(row.snapshot)).toMatchObject({
      pack: { id: 'nanxun-2023', version: '1.1.0' },
    });

    // 1.2.0 has a misspelt field in its first item: refused by the loader, 1.1.0 stays in use.
    const bad: PackJson = {
      ...narrowed,
      version: '1.2.0',
      items: narrowed.items.map((i, n) => (n === 0 ? { ...i, audiance: [] } : i)),
    };
    await publish(bad);
    expect((await benefits()).pack.version).toBe('1.1.0');
    const refused = syncSummary(station.db).refusedChanges;
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ kind: 'policy-pack', key: 'nanxun-2023', version: '1.2.0' });
    expect(refused[0]?.reason).toMatch(
      /pulled policy pack nanxun-2023 1\.2\.0 refused: item 1 \(1-employee-pension\): unknown field 'audiance'/,
    );
    expect(log.join('\n')).toMatch(/sync: kept the old policy-pack nanxun-2023: .*'audiance'/);

    // A pack older than the shipped one is stored but not used; a later good one clears the refusal.
    await publish({ ...shipped, version: '0.9.0' });
    expect((await benefits()).pack.version).toBe(shipped.version);
    expect(syncSummary(station.db).refusedChanges).toEqual([]);
  });
});
