import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SyncWorker } from '../../../main/sync/sync-worker';
import { syncSummary } from '../../../main/sync/sync-summary';
import { backends, freshPlatform, stopPostgres } from './backends';
import { FaultProxy } from './fault-proxy';
import { expectExactlyDelivered, makeStation, tempDir, waitDrained, waitFor } from './station';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

function runWorker(args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'fixtures', 'run-worker.ts'), ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited };
}

afterAll(stopPostgres);

describe.each(backends)('kiosk process crashes and concurrency on %s', (backend) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('loses nothing and duplicates nothing when the kiosk is SIGKILLed mid-sync', async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice();
    const proxy = await FaultProxy.start(platform.port);
    cleanup.push(() => proxy.close());
    proxy.delayMs = 150;
    proxy.setMode('slow');
    const file = join(tempDir(), 'station.sqlite');
    makeStation(file, 400).close();

    const { child, exited } = runWorker([file, proxy.url, device.deviceId, device.secret]);
    cleanup.push(() => void child.kill('SIGKILL'));
    await waitFor(
      'some transactions on the platform',
      async () => (await platform.stats()).transactions >= 60,
      30_000,
    );
    child.kill('SIGKILL');
    await exited;

    const db = (await import('../../../main/store/open-database')).openStationDatabase(file);
    cleanup.push(() => void db.close());
    const after = syncSummary(db).counts;
    expect(after.synced).toBeLessThan(400);
    proxy.setMode('pass');
    const w = new SyncWorker(
      db,
      { url: platform.url, ...device },
      { idleMs: 50, backoff: { baseMs: 50, capMs: 300 } },
    );
    cleanup.push(() => w.stop());
    w.start();
    // The dead process's lease (1.5 s) must lapse before this worker may take over and resend.
    await waitDrained(db, 30_000);
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  it('lets only one of two processes on the same data dir sync at a time', async () => {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice();
    const file = join(tempDir(), 'station.sqlite');
    makeStation(file, 600).close();
    const a = runWorker([file, platform.url, device.deviceId, device.secret, 'exit']);
    const b = runWorker([file, platform.url, device.deviceId, device.secret, 'exit']);
    cleanup.push(() => void a.child.kill('SIGKILL'));
    cleanup.push(() => void b.child.kill('SIGKILL'));
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const db = (await import('../../../main/store/open-database')).openStationDatabase(file);
    cleanup.push(() => void db.close());
    await expectExactlyDelivered(db, platform, device.deviceId);
    // Had both sent batches, some rows would have gone twice and come back as duplicates.
    expect((await platform.stats()).duplicates).toBe(0);
  });
});
