import type { ElderRecord } from '../../../contract/elder';
import { demoElders } from '../../../main/demo/demo-elders';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { defaultMealsConfig } from '../../../main/ordering/meals-config';
import { ensureDemoOrdering } from '../../../main/ordering/ordering-demo';
import type { OrderingContext } from '../../../main/ordering/ordering-context';
import { findPack } from '../../../policies/registry';
import { openStationDatabase, type Db } from '../../../main/store/open-database';

/** The demo station on a fixed day: 2026-11-23, lunch closes 10:00 and dinner 16:00 (+08:00). */
export const TODAY = '2026-11-23';
export const at = (time: string, date = TODAY): Date => new Date(`${date}T${time}+08:00`);

export function elder(id: string): ElderRecord {
  const e = demoElders.find((d) => d.id === id);
  if (!e) throw new Error(`no demo elder ${id}`);
  return e;
}

/** An elder under 60: the standard (full) price. */
export const younger: ElderRecord = {
  ...elder('nx-0002'),
  id: 'young-01',
  birthDate: '1975-01-01',
};

export interface Station {
  db: Db;
  ctx: OrderingContext;
  clock: { now: Date };
}

export function demoStation(file = ':memory:', now = at('08:30:00')): Station {
  const db = openStationDatabase(file);
  seedDemoStation(db, TODAY);
  ensureDemoOrdering(db, TODAY, now);
  const clock = { now };
  const ctx: OrderingContext = {
    db,
    now: () => clock.now,
    meals: defaultMealsConfig,
    pack: findPack('nanxun-2023'),
    stationName: '南浔镇社区居家养老服务照料中心',
  };
  return { db, ctx, clock };
}

/** The first dish of a sitting's menu on the fixture day, with its price. */
export function dishOf(
  db: Db,
  sitting: 'lunch' | 'dinner',
  date = TODAY,
): { id: string; priceFen: number } {
  const row = db
    .prepare(
      `SELECT d.id, d.price_fen FROM menu_items m JOIN dishes d ON d.id = m.dish_id
       WHERE m.date = ? AND m.sitting = ? ORDER BY d.id LIMIT 1`,
    )
    .get(date, sitting) as { id: string; price_fen: number };
  return { id: row.id, priceFen: row.price_fen };
}

export const count = (db: Db, sql: string, ...params: unknown[]): number =>
  (db.prepare(sql).get(...params) as { n: number }).n;
