import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ElderRecord } from '../../../contract/elder';
import { openStationDatabase } from '../../../main/store/open-database';
import { SyncWorker } from '../../../main/sync/sync-worker';
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

describe.each(backends)('pulling roster, menus, services, packs and balances on %s', (backend) => {
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
      policyPacks: [{ id: 'nanxun-2023', version: '1', body: { items: 34 } }],
      balances: [
        {
          elderId: 'E1',
          account: 'meal-subsidy',
          amountFen: 5000,
          asOf: '2026-11-23T08:00:00+08:00',
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
    expect(count('policy_packs')).toBe(1);
    expect(db.prepare('SELECT amount_fen FROM balances').get()).toEqual({ amount_fen: 5000 });

    const cursorBefore = (
      db.prepare('SELECT pull_cursor AS c FROM sync_status').get() as { c: number }
    ).c;
    await platform.roster([elder('E1', '王秀英', ['A1B2C3D4', 'FFEE0011'])]);
    await platform.catalogue({
      balances: [
        {
          elderId: 'E1',
          account: 'meal-subsidy',
          amountFen: 4200,
          asOf: '2026-11-23T12:00:00+08:00',
        },
      ],
      withdraw: [{ kind: 'elder', key: 'E3' }],
    });
    w.requestPull();
    await waitFor(
      'the second pull',
      () =>
        (db.prepare('SELECT pull_cursor AS c FROM sync_status').get() as { c: number }).c >
        cursorBefore,
    );
    expect(count('elders')).toBe(1);
    expect(count('cards')).toBe(2);
    expect(db.prepare('SELECT amount_fen FROM balances').get()).toEqual({ amount_fen: 4200 });
  });
});
