import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { BenchFigure } from '../bench-case';
import { demoElders } from '../../main/demo/demo-elders';
import { seedDemoStation } from '../../main/demo/seed-demo-station';
import { placeMealOrder } from '../../main/ordering/meal-orders';
import { defaultMealsConfig } from '../../main/ordering/meals-config';
import { ensureDemoOrdering } from '../../main/ordering/ordering-demo';
import type { OrderingContext } from '../../main/ordering/ordering-context';
import { deposit } from '../../main/ordering/wallet';
import { openStationDatabase, type Db } from '../../main/store/open-database';
import { findPack } from '../../policies/registry';
import { makeTempDir } from '../../tests/support/temp-dir';

const TODAY = '2026-11-23';
const MORNING = `${TODAY}T08:30:00.000+08:00`;
const ORDERS = 300;

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? Number.NaN;
};

/** A demo station file (WAL, synchronous=FULL) with unlimited portions and full wallets. */
function station(dir: string, name: string): Db {
  const db = openStationDatabase(join(dir, name));
  seedDemoStation(db, TODAY);
  ensureDemoOrdering(db, TODAY, new Date(MORNING));
  db.prepare('UPDATE menu_items SET portions = 1000000').run();
  for (const e of demoElders)
    deposit(db, {
      elderId: e.id,
      account: 'elder:meal-wallet',
      amountFen: 100_000_000,
      from: 'counter:cash-drawer',
      at: MORNING,
    });
  return db;
}

/**
 * Order commit latency: placeMealOrder (entitlements, pricing, cut-off, portions, cap, balance,
 * queue number, then order + ledger + outbox in one IMMEDIATE transaction) against a bare
 * better-sqlite3 transaction inserting the same rows into the same schema. Both on files with
 * synchronous=FULL, interleaved in one run so disk noise falls on both alike.
 */
export async function run(): Promise<BenchFigure[]> {
  const { dir, remove } = makeTempDir('yiyang-bench-ordering-');
  try {
    const real = station(dir, 'real.sqlite');
    const bare = station(dir, 'bare.sqlite');
    const ctx: OrderingContext = {
      db: real,
      now: () => new Date(MORNING),
      meals: defaultMealsConfig,
      pack: findPack('nanxun-2023'),
      stationName: 'bench',
    };
    const dish = (
      real
        .prepare("SELECT dish_id FROM menu_items WHERE date = ? AND sitting = 'lunch' LIMIT 1")
        .get(TODAY) as {
        dish_id: string;
      }
    ).dish_id;
    const seqUp = bare.prepare(
      'UPDATE device_sequence SET next = next + 1 WHERE id = 1 RETURNING next - 1 AS next',
    );
    const outbox = bare.prepare(
      'INSERT INTO outbox (seq, uuid, type, payload, device_time) VALUES (?, ?, ?, ?, ?)',
    );
    const order = bare.prepare(
      `INSERT INTO meal_orders (uuid, seq, elder_id, date, sitting, dish_id, quantity, subsidised, delivery, tier,
        full_fen, government_fen, enterprise_fen, charity_fen, personal_fen, quote, payment, payment_state,
        queue_number, snapshot, created_at) VALUES (?, ?, ?, ?, 'lunch', ?, 1, 1, 0, 'elder', 1500, 0, 100, 200, 1200, ?, 'meal-wallet', 'paid', ?, ?, ?)`,
    );
    const ledger = bare.prepare(
      `INSERT INTO ledger_entries (id, record_uuid, record_kind, account, elder_id, amount_fen, reverses, seq, created_at)
       VALUES (?, ?, 'meal-order', ?, ?, ?, NULL, ?, ?)`,
    );
    const lines: [string, number][] = [
      ['sales:canteen', 1500],
      ['funder:enterprise', -100],
      ['funder:charity', -200],
      ['elder:meal-wallet', -1200],
    ];
    let queue = 0;
    const bareOrder = bare.transaction((elderId: string, payload: string, snapshot: string) => {
      const uuid = randomUUID();
      const { next } = seqUp.get() as { next: number };
      outbox.run(next, uuid, 'meal.order', payload, MORNING);
      order.run(uuid, next, elderId, TODAY, dish, payload, (queue += 1), snapshot, MORNING);
      for (const [account, amount] of lines)
        ledger.run(randomUUID(), uuid, account, elderId, amount, next, MORNING);
    });

    const realMs: number[] = [];
    const bareMs: number[] = [];
    let sample = { payload: '{}', snapshot: '{}' };
    for (let i = 0; i < ORDERS; i++) {
      const elder = demoElders[i % demoElders.length] ?? demoElders[0];
      if (!elder) break;
      const t0 = performance.now();
      const view = placeMealOrder(ctx, elder, {
        uuid: randomUUID(),
        date: TODAY,
        sitting: 'lunch',
        dishId: dish,
        quantity: 1,
        delivery: false,
        payment: 'meal-wallet',
      });
      realMs.push(performance.now() - t0);
      if (i === 0) {
        const row = real.prepare('SELECT payload FROM outbox WHERE uuid = ?').get(view.uuid) as {
          payload: string;
        };
        const snap = real
          .prepare('SELECT snapshot FROM meal_orders WHERE uuid = ?')
          .get(view.uuid) as {
          snapshot: string;
        };
        sample = { payload: row.payload, snapshot: snap.snapshot };
      }
      const t1 = performance.now();
      bareOrder(elder.id, sample.payload, sample.snapshot);
      bareMs.push(performance.now() - t1);
    }
    real.close();
    bare.close();
    return [
      {
        name: `meal order commit, median of ${ORDERS} (synchronous=FULL)`,
        unit: 'ms',
        value: percentile(realMs, 0.5),
        baseline: {
          name: 'bare better-sqlite3 transaction, same rows',
          value: percentile(bareMs, 0.5),
        },
        goal: { maxRatio: 3 },
      },
      {
        name: `meal order commit, p95 of ${ORDERS} (synchronous=FULL)`,
        unit: 'ms',
        value: percentile(realMs, 0.95),
        baseline: {
          name: 'bare better-sqlite3 transaction, same rows, p95',
          value: percentile(bareMs, 0.95),
        },
        goal: { maxRatio: 3 },
      },
    ];
  } finally {
    remove();
  }
}
