import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure } from '../bench-case';
import { shanghaiIso } from '../../main/clock';
import { openStationDatabase } from '../../main/store/open-database';
import { appendToOutbox } from '../../main/store/outbox';
import { syncSummary } from '../../main/sync/sync-summary';
import { SyncWorker } from '../../main/sync/sync-worker';
import { PlatformProcess } from '../../tests/support/platform-process';
import { postgresUnavailable, startPostgres } from '../../tests/support/postgres';
import { runSimulatedStations } from '../../tests/integration/sync/simulated-stations';

const total = 10_000;
const batch = 200;

/**
 * 10,000 queued transactions drained by the sync worker into a loopback platform (its own process,
 * SQLite, synchronous=FULL), against bare HTTP POSTs of the same request bodies, in the same batches,
 * to a server that only reads them. The ratio is what signing, the platform's idempotent ingest and
 * the kiosk's per-batch bookkeeping cost over moving the bytes.
 */
export async function run(): Promise<BenchFigure[]> {
  return [...(await drain()), ...(await scale())];
}

async function drain(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yiyang-bench-sync-'));
  const platform = await PlatformProcess.start({ dbFile: join(dir, 'platform.sqlite') });
  try {
    const device = await platform.createDevice('bench');
    const db = openStationDatabase(join(dir, 'station.sqlite'));
    db.transaction(() => {
      for (let i = 0; i < total; i += 1)
        appendToOutbox(
          db,
          'meal.order',
          { elderId: `e${i % 300}`, dishId: 'd1', priceFen: 800, sitting: 'lunch', note: '少盐' },
          shanghaiIso(),
        );
    })();
    const bodies = (
      db.prepare('SELECT uuid, seq, type, payload, device_time FROM outbox ORDER BY seq').all() as {
        uuid: string;
        seq: number;
        type: string;
        payload: string;
        device_time: string;
      }[]
    )
      .map((r) => ({
        uuid: r.uuid,
        seq: r.seq,
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        deviceTime: r.device_time,
      }))
      .reduce<unknown[][]>((acc, item, i) => {
        if (i % batch === 0) acc.push([]);
        acc.at(-1)?.push(item);
        return acc;
      }, [])
      .map((items) => JSON.stringify({ items }));

    const bareMs = await barePosts(bodies);

    const worker = new SyncWorker(
      db,
      { url: platform.url, ...device },
      { maxItems: batch, maxBytes: 1 << 20, idleMs: 20 },
    );
    const t0 = performance.now();
    worker.start();
    while (syncSummary(db).counts.synced < total) await new Promise((r) => setTimeout(r, 10));
    const drainMs = performance.now() - t0;
    await worker.stop();
    if (syncSummary(db).counts.synced !== total) throw new Error('the outbox is not fully synced');
    const held = (await platform.stats()).transactions;
    db.close();
    if (held !== total)
      throw new Error(`the platform holds ${held} transactions, expected ${total}`);
    return [
      {
        name: `drain ${total} queued transactions (batches of ${batch})`,
        unit: 'ms',
        value: drainMs,
        baseline: { name: 'bare HTTP POSTs of the same bytes', value: bareMs },
        goal: { maxRatio: 15 },
      },
      {
        name: 'drain rate',
        unit: 'tx/s',
        value: (total / drainMs) * 1000,
        baseline: { name: 'bare HTTP POST rate', value: (total / bareMs) * 1000 },
        goal: { minRatio: 0.066 },
      },
    ];
  } finally {
    await platform.stop();
  }
}

/** POSTs each body in turn to a loopback server that reads it and answers 200. */
async function barePosts(bodies: string[]): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"ok":true}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  try {
    const t0 = performance.now();
    for (const body of bodies)
      await (
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      ).text();
    return performance.now() - t0;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * 1,000 simulated stations × 100 transactions into one platform, SQLite against PostgreSQL (the
 * same run as tests/integration/sync/scale.test.ts, here to put the two rates side by side).
 */
async function scale(): Promise<BenchFigure[]> {
  const why = postgresUnavailable();
  if (why) {
    console.log(`scale: PostgreSQL skipped: ${why}`);
    return [];
  }
  const load = { stations: 1000, perStation: 100, batch: 100, concurrency: 8, deadlineMs: 90_000 };
  const sqlite = await PlatformProcess.start({
    dbFile: join(mkdtempSync(join(tmpdir(), 'yiyang-bench-scale-')), 'p.sqlite'),
  });
  const onSqlite = await runSimulatedStations(sqlite, load).finally(() => sqlite.stop());
  const pg = await startPostgres();
  try {
    const platform = await PlatformProcess.start({ databaseUrl: await pg.createDatabase() });
    const onPostgres = await runSimulatedStations(platform, load).finally(() => platform.stop());
    return [
      {
        name: `ingest ${onPostgres.transactions} tx from 1,000 stations on PostgreSQL`,
        unit: 'tx/s',
        value: onPostgres.txPerSecond,
        baseline: {
          name: `the same on SQLite (${onSqlite.transactions} tx)`,
          value: onSqlite.txPerSecond,
        },
        goal: { minRatio: 0.5 },
      },
    ];
  } finally {
    await pg.stop();
  }
}
