import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../../../main/store/open-database';
import { partialOrders } from './all-or-nothing';
import { MORNING, makeStationFile } from './station-file';
import { bundleWorker, startWorker } from './worker-bundle';

const KILLS = 200;
/**
 * Each kill starts a Node process, waits for it to open the encrypted file and start ordering,
 * and reaps it: ~0.2 s on an idle two-core box (about 40 s in all), several times that on a CI box
 * whose two cores are shared with other suites. 3 s a kill (10 minutes in all) fits that box
 * without letting a hung worker go unnoticed for long.
 */
const BUDGET_PER_KILL_MS = 3_000;

let bundle: string;
let removeBundle = (): void => undefined;
beforeAll(async () => {
  ({ file: bundle, remove: removeBundle } = await bundleWorker());
});
afterAll(() => removeBundle());
const station = makeStationFile();
afterAll(() => station.remove());

describe('crash safety: a kiosk process SIGKILLed while placing and cancelling orders', () => {
  it(
    `${KILLS} kills at random moments leave a whole database: every order has all its rows or none`,
    async () => {
      const started = Date.now();
      let killedMidRun = 0;
      for (let i = 0; i < KILLS; i++) {
        const w = startWorker(bundle, ['orders', station.file, MORNING]);
        // After its first order has committed: on a loaded box a worker can take longer than the
        // random delay just to start, and the kill would then miss the loop it is meant to hit.
        await w.waitFor('ordering');
        // A random moment inside the ordering loop: mid-statement, mid-commit or between orders.
        await new Promise((r) => setTimeout(r, Math.random() * 40));
        w.child.kill('SIGKILL');
        const { signal, code } = await w.exited;
        if (signal === 'SIGKILL') killedMidRun += 1;
        else throw new Error(`worker ${i} exited by itself (code ${String(code)}): ${w.output()}`);
      }
      const elapsed = Date.now() - started;

      const db = openStationDatabase(station.file); // refuses a file that fails integrity_check
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(partialOrders(db)).toEqual([]);
        const orders = (db.prepare('SELECT count(*) AS n FROM meal_orders').get() as { n: number })
          .n;
        const cancelled = (
          db.prepare("SELECT count(*) AS n FROM meal_orders WHERE status = 'cancelled'").get() as {
            n: number;
          }
        ).n;
        console.log(
          `crash-safety: ${killedMidRun} SIGKILLs in ${(elapsed / 1000).toFixed(1)} s; ${orders} orders committed, ${cancelled} cancelled, all whole`,
        );
        expect(killedMidRun).toBe(KILLS);
        // every run committed one order before its kill, and the kills landed mid-loop
        expect(orders).toBeGreaterThan(KILLS);
        expect(cancelled).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    },
    KILLS * BUDGET_PER_KILL_MS,
  );
});

describe('the all-or-nothing check itself', () => {
  it('reports an order written without its ledger rows, and outbox rows without their order', () => {
    const other = makeStationFile();
    const db = openStationDatabase(other.file);
    try {
      db.prepare(
        `INSERT INTO meal_orders (uuid, seq, elder_id, date, sitting, dish_id, quantity, subsidised, delivery, tier,
          full_fen, government_fen, enterprise_fen, charity_fen, personal_fen, quote, payment, payment_state,
          queue_number, snapshot, created_at)
         VALUES ('00000000-0000-4000-8000-000000000001', 9999, 'nx-0001', '2026-11-23', 'lunch', 'd-huntun', 1, 0, 0,
          'standard', 800, 0, 0, 0, 800, '{}', 'cash', 'awaiting-cash', 1, '{}', ?)`,
      ).run(MORNING);
      db.prepare(
        `INSERT INTO outbox (seq, uuid, type, payload, device_time)
         VALUES (10000, '00000000-0000-4000-8000-000000000002', 'meal.order', '{}', ?)`,
      ).run(MORNING);
      const problems = partialOrders(db);
      expect(problems.some((p) => p.includes('no meal.order outbox row'))).toBe(true);
      expect(problems.some((p) => p.includes('has 0 ledger rows'))).toBe(true);
      expect(problems.some((p) => p.includes('outbox row 10000 has no order'))).toBe(true);
    } finally {
      db.close();
      other.remove();
    }
  });
});
