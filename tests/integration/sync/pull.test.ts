import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ElderRecord } from '../../../contract/elder';
import { defaultConfig } from '../../../main/config/load-config';
import { orderingHandlers } from '../../../main/ordering/ordering-handlers';
import { openStationDatabase, type Db } from '../../../main/store/open-database';
import { SyncWorker, type SyncEvent, type SyncWorkerOptions } from '../../../main/sync/sync-worker';
import type { PlatformProcess } from '../../support/platform-process';
import { syncSummary } from '../../../main/sync/sync-summary';
import { backends, freshPlatform, stopPostgres } from './backends';
import { tempDir, waitFor } from './station';

const elder = (id: string, name: string, cards: string[]): ElderRecord => ({
  id,
  name,
  gender: 'female',
  birthDate: '1942-03-08',
  idNumber: '330402194203081234',
  phone: '13800000000',
  hukou: 'local',
  living: 'alone',
  economic: 'dibao',
  selfCare: 'mild',
  disability: null,
  specialFamily: false,
  merit: 'none',
  pension: 'resident',
  medicalInsurance: true,
  lastAssessment: null,
  cards,
  prefs: { locale: 'zh-CN', speechRate: 0.8, volume: 1, fontScale: 1.5 },
});

afterAll(stopPostgres);

describe.each(backends)('pulling roster, menus and services on %s', (backend) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('applies deltas since the cursor in one transaction', async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice();

    const roster = await platform.roster([
      elder('E1', '王秀英', ['A1B2C3D4']),
      { id: 'E2', name: '' },
      elder('E3', '李建国', []),
    ]);
    expect(roster.accepted).toBe(2);
    expect(roster.rejected.map((r) => r.index)).toEqual([1]);
    expect(roster.rejected[0]?.issues.join(' ')).toMatch(/name/);
    await platform.catalogue({
      menuItems: [
        {
          date: '2026-11-24',
          sitting: 'lunch',
          dishId: 'D1',
          portions: 40,
          cutoff: '2026-11-24T10:00:00+08:00',
        },
      ],
      dishes: [{ id: 'D1', name: '清蒸鲈鱼', icon: 'fish', tags: ['soft'], priceFen: 1200 }],
      services: [
        {
          id: 'S1',
          name: '助浴',
          icon: 'bath',
          durationMinutes: 60,
          priceFen: 3000,
          description: '上门助浴',
        },
      ],
      serviceSlots: [
        {
          id: 'SL1',
          serviceId: 'S1',
          startsAt: '2026-11-25T09:00:00+08:00',
          capacity: 2,
          booked: 0,
        },
      ],
    });

    // Re-pricing the dish moves its change after the menu item that names it: a fresh kiosk then
    // meets the menu item first, which only works because foreign keys are checked at commit.
    await platform.catalogue({
      dishes: [{ id: 'D1', name: '清蒸鲈鱼', icon: 'fish', tags: ['soft'], priceFen: 1300 }],
    });

    const db = openStationDatabase(join(tempDir(), 'station.sqlite'));
    cleanup.push(() => void db.close());
    const w = new SyncWorker(
      db,
      { url: platform.url, ...device },
      { idleMs: 50, pullIntervalMs: 100 },
    );
    cleanup.push(() => w.stop());
    w.start();
    await waitFor('the pull', () => syncSummary(db).lastPullSuccessAt !== null);
    const count = (t: string): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(count('elders')).toBe(2);
    expect(db.prepare('SELECT elder_id FROM cards WHERE uid = ?').get('A1B2C3D4')).toEqual({
      elder_id: 'E1',
    });
    expect(db.prepare('SELECT id_last4 FROM elders WHERE id = ?').get('E1')).toEqual({
      id_last4: '1234',
    });
    expect(count('menu_items')).toBe(1);
    expect(db.prepare('SELECT price_fen FROM dishes').get()).toEqual({ price_fen: 1300 });
    expect(count('service_slots')).toBe(1);

    const cursorBefore = (
      db.prepare('SELECT pull_cursor AS c FROM sync_status').get() as { c: number }
    ).c;
    await platform.roster([elder('E1', '王秀英', ['A1B2C3D4', 'FFEE0011'])]);
    await platform.catalogue({ withdraw: [{ kind: 'elder', key: 'E3' }] });
    w.requestPull();
    await waitFor(
      'the second pull',
      () =>
        (db.prepare('SELECT pull_cursor AS c FROM sync_status').get() as { c: number }).c >
        cursorBefore,
    );
    expect(count('elders')).toBe(1);
    expect(count('cards')).toBe(2);
  });

  const cursorOf = (db: Db): number =>
    (db.prepare('SELECT pull_cursor AS c FROM sync_status').get() as { c: number }).c;
  const countOf = (db: Db, table: string): number =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  async function station(
    platform: PlatformProcess,
    options: SyncWorkerOptions = {},
  ): Promise<{ db: Db; w: SyncWorker; events: SyncEvent[] }> {
    const device = await platform.createDevice();
    const db = openStationDatabase(join(tempDir(), 'station.sqlite'));
    cleanup.push(() => void db.close());
    const events: SyncEvent[] = [];
    const w = new SyncWorker(
      db,
      { url: platform.url, ...device },
      {
        idleMs: 50,
        pullIntervalMs: 100,
        backoff: { baseMs: 50, capMs: 200 },
        ...options,
        onEvent: (e) => events.push(e),
      },
    );
    cleanup.push(() => w.stop());
    return { db, w, events };
  }

  it('applies a page in one transaction: a change that fails leaves nothing changed and the cursor where it was', async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    await platform.roster([elder('E1', '王秀英', ['A1B2C3D4'])]);
    // A menu item naming a dish the platform never sent: the foreign key fails at commit.
    await platform.catalogue({
      menuItems: [
        {
          date: '2026-11-24',
          sitting: 'lunch',
          dishId: 'D404',
          portions: 10,
          cutoff: '2026-11-24T10:00:00+08:00',
        },
      ],
    });
    const { db, w } = await station(platform);
    w.start();
    await waitFor('the failed apply', () =>
      /applying 2 pulled changes \(cursor 0 to 2\) failed, none applied: FOREIGN KEY/.test(
        syncSummary(db).lastError ?? '',
      ),
    );
    expect(countOf(db, 'elders')).toBe(0);
    expect(countOf(db, 'cards')).toBe(0);
    expect(countOf(db, 'menu_items')).toBe(0);
    expect(cursorOf(db)).toBe(0);
    expect(syncSummary(db).lastPullSuccessAt).toBeNull();

    await platform.catalogue({
      dishes: [{ id: 'D404', name: '番茄炒蛋', icon: 'egg', tags: [], priceFen: 900 }],
    });
    await waitFor('the retried pull', () => cursorOf(db) === 3);
    expect(countOf(db, 'elders')).toBe(1);
    expect(countOf(db, 'menu_items')).toBe(1);
    expect(syncSummary(db).lastError).toBeNull();
  });

  it('fetches every page while more: true, and goes on in a next round after 50 pages', async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const roster = Array.from({ length: 120 }, (_, i) =>
      elder(`P${String(i).padStart(3, '0')}`, '测试', []),
    );
    expect((await platform.roster(roster)).accepted).toBe(120);
    const { db, w, events } = await station(platform, { pullPageSize: 2 });
    w.start();
    await waitFor('every elder', () => countOf(db, 'elders') === 120);
    const pulls = events.filter((e) => e.type === 'pulled');
    // 60 pages of 2: the first round stops at 50 pages (100 changes, applied with their cursor),
    // the next round fetches the last 10 at once rather than after the pull interval.
    expect(pulls.slice(0, 2)).toEqual([
      { type: 'pulled', changes: 100, pages: 50, credited: 0 },
      { type: 'pulled', changes: 20, pages: 10, credited: 0 },
    ]);
    expect(cursorOf(db)).toBe(120);
  });

  it("keeps a slot's seats booked on this station when the platform's figure is lower", async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const slot = {
      id: 'SL9',
      serviceId: 'S9',
      startsAt: '2026-11-30T09:00:00+08:00',
      capacity: 2,
      booked: 0,
    };
    await platform.roster([elder('E1', '王秀英', ['A1B2C3D4'])]);
    await platform.catalogue({
      services: [
        {
          id: 'S9',
          name: '理发',
          icon: 'scissors',
          durationMinutes: 30,
          priceFen: 1000,
          description: '上门理发',
        },
      ],
      serviceSlots: [slot],
    });
    const { db, w } = await station(platform);
    w.start();
    await waitFor('the slot', () => countOf(db, 'service_slots') === 1);
    const handlers = orderingHandlers({
      db,
      elder: () => elder('E1', '王秀英', ['A1B2C3D4']),
      now: () => new Date('2026-11-23T02:00:00Z'),
      config: defaultConfig,
      printTicket: async () => undefined,
    });
    await handlers['services.book']({ uuid: randomUUID(), slotId: 'SL9', payment: 'cash' });
    const bookedNow = (): number =>
      (db.prepare("SELECT booked FROM service_slots WHERE id = 'SL9'").get() as { booked: number })
        .booked;
    expect(bookedNow()).toBe(1);

    // The platform re-sends the slot before it has heard of that booking: it still says 0.
    const before = cursorOf(db);
    await platform.catalogue({ serviceSlots: [{ ...slot, capacity: 3 }] });
    w.requestPull();
    await waitFor('the re-sent slot', () => cursorOf(db) > before);
    expect(bookedNow()).toBe(1);
    // A larger figure from the platform (bookings made elsewhere) is taken as it is.
    await platform.catalogue({ serviceSlots: [{ ...slot, capacity: 3, booked: 2 }] });
    w.requestPull();
    await waitFor('the busier slot', () => bookedNow() === 2);
  });
});
