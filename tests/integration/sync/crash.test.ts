import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SyncWorker } from '../../../main/sync/sync-worker';
import { syncSummary } from '../../../main/sync/sync-summary';
import { backends, freshPlatform, stopPostgres } from './backends';
import { FaultProxy } from './fault-proxy';
import { OverlapProxy } from './overlap-proxy';
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
    // The dead process's lease (3 s) must lapse before this worker may take over and resend.
    await waitDrained(db, 30_000);
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  /** Two kiosk processes on one data dir, both syncing through a proxy that counts open requests. */
  async function twoProcesses(flags: string[]): Promise<{ maxOpen: number; requests: number }> {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice();
    const proxy = await OverlapProxy.start(platform.port, 100);
    cleanup.push(() => proxy.close());
    const file = join(tempDir(), 'station.sqlite');
    makeStation(file, 600).close();
    const args = [file, proxy.url, device.deviceId, device.secret, 'exit', ...flags];
    const a = runWorker(args);
    const b = runWorker(args);
    cleanup.push(() => void a.child.kill('SIGKILL'));
    cleanup.push(() => void b.child.kill('SIGKILL'));
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const db = (await import('../../../main/store/open-database')).openStationDatabase(file);
    cleanup.push(() => void db.close());
    await expectExactlyDelivered(db, platform, device.deviceId);
    return { maxOpen: proxy.maxOpen, requests: proxy.requests };
  }

  it('lets only one of two processes on the same data dir sync at a time', async () => {
    const r = await twoProcesses([]);
    // 600 rows in batches of 20, each request held 100 ms: ~3 s of syncing for the two to overlap in.
    expect(r.requests).toBeGreaterThanOrEqual(30);
    expect(r.maxOpen).toBe(1);
  });

  it('control: with the lock disabled the same two processes do sync at once', async () => {
    // Shows that the check above can fail: without the lease both processes send batches together.
    const r = await twoProcesses(['no-lock']);
    expect(r.maxOpen).toBeGreaterThanOrEqual(2);
  });
});
