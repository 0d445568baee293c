import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../../contract/sync-protocol';
import type { Db } from '../../../main/store/open-database';
import { defaultConfig } from '../../../main/config/load-config';
import { KioskCore } from '../../../main/core/kiosk-core';
import { claimBatch } from '../../../main/sync/outbox-queue';
import { PlatformClient } from '../../../main/sync/platform-client';
import { SyncWorker, type SyncWorkerOptions } from '../../../main/sync/sync-worker';
import { syncSummary } from '../../../main/sync/sync-summary';
import type { PlatformProcess } from '../../support/platform-process';
import { backends, freshPlatform, stopPostgres } from './backends';
import { FaultProxy } from './fault-proxy';
import {
  expectExactlyDelivered,
  makeStation,
  queue,
  tempDir,
  waitDrained,
  waitFor,
} from './station';

const fast: SyncWorkerOptions = {
  maxItems: 25,
  timeoutMs: 1000,
  idleMs: 50,
  backoff: { baseMs: 50, capMs: 400 },
};
const twoDays = 2 * 24 * 3_600_000;

afterAll(stopPostgres);

describe.each(backends)('sync under faults on %s', (backend) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function setup(
    count: number,
  ): Promise<{ platform: PlatformProcess; device: DeviceCredentials; db: Db; proxy: FaultProxy }> {
    const platform = await freshPlatform(backend);
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice();
    const proxy = await FaultProxy.start(platform.port);
    cleanup.push(() => proxy.close());
    const db = makeStation(join(tempDir(), 'station.sqlite'), count);
    cleanup.push(() => void db.close());
    return { platform, device, db, proxy };
  }

  function worker(
    db: Db,
    url: string,
    device: DeviceCredentials,
    options: SyncWorkerOptions = {},
  ): SyncWorker {
    const w = new SyncWorker(db, { url, ...device }, { ...fast, ...options });
    cleanup.push(() => w.stop());
    return w;
  }

  it('keeps everything while the platform is down for a while, then delivers it once', async () => {
    const { platform, device, db } = await setup(120);
    await platform.stop();
    const w = worker(db, platform.url, device);
    w.start();
    await waitFor('a recorded error', () => syncSummary(db).lastError !== null);
    queue(db, 30);
    await new Promise((r) => setTimeout(r, 800));
    const down = syncSummary(db);
    // A batch may be claimed ('sending') at this moment, between a refused attempt and its release.
    expect(down.counts.pending + down.counts.sending).toBe(150);
    expect(down.counts.synced + down.counts.rejected).toBe(0);
    expect(down.lastError).toMatch(/\/v1\/device\/push/);
    const back = await platform.restart();
    cleanup.push(() => back.stop());
    await waitDrained(db);
    await expectExactlyDelivered(db, back, device.deviceId);
  });

  it('retries through 500s', async () => {
    const { platform, device, db, proxy } = await setup(100);
    proxy.setMode('http500');
    const w = worker(db, proxy.url, device);
    w.start();
    await waitFor('several 500s', () => (proxy.hits.get('http500') ?? 0) >= 3);
    const failing = syncSummary(db);
    expect(failing.lastError).toMatch(/HTTP 500 internal/);
    expect(failing.lastErrorAt).not.toBeNull();
    expect(failing.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(0);
    proxy.setMode('pass');
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
    // The failure is over: the staff screen must not keep showing it next to a fresh success.
    const after = syncSummary(db);
    expect(after.lastPushSuccessAt).not.toBeNull();
    expect(after.lastError).toBeNull();
    expect(after.lastErrorAt).toBeNull();
    expect(after.oldestPendingAgeSeconds).toBeNull();
  });

  it('marks nothing synced on a 2xx reply that does not answer the batch', async () => {
    const { platform, device, db, proxy } = await setup(30);
    proxy.setMode('bad-reply');
    const w = worker(db, proxy.url, device);
    w.start();
    await waitFor('bad replies', () => (proxy.hits.get('bad-reply') ?? 0) >= 2).catch(
      (e: Error) => {
        throw new Error(
          `${e.message}: ${syncSummary(db).lastError} ${JSON.stringify([...proxy.hits])}`,
        );
      },
    );
    expect(syncSummary(db).lastError).toMatch(
      /the platform answered 0 results for 25 transactions/,
    );
    expect(syncSummary(db).counts.synced).toBe(0);
    proxy.setMode('pass');
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  it('honours Retry-After: waits that long before the next try, not its own short backoff', async () => {
    const { platform, device, db, proxy } = await setup(10);
    proxy.setMode('retry-after');
    const events: number[] = [];
    const w = worker(db, proxy.url, device, {
      backoff: { baseMs: 50, capMs: 5000 },
      onEvent: (e) => e.type === 'error' && events.push(e.retryInMs),
    });
    w.start();
    await waitFor('three 503s', () => (proxy.hits.get('retry-after') ?? 0) >= 3);
    expect(events.slice(0, 2)).toEqual([1000, 1000]);
    // The tries really were a second apart (the backoff alone would retry within 50–100 ms).
    const at = proxy.hitTimes.filter((h) => h.mode === 'retry-after').map((h) => h.at);
    for (let i = 1; i < 3; i += 1)
      expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(950);
    proxy.setMode('pass');
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  it('caps a Retry-After longer than the backoff cap at the cap', async () => {
    const { platform, device, db, proxy } = await setup(5);
    proxy.retryAfter = '86400';
    proxy.setMode('retry-after');
    const events: number[] = [];
    const w = worker(db, proxy.url, device, {
      onEvent: (e) => e.type === 'error' && events.push(e.retryInMs),
    });
    w.start();
    await waitFor('two 503s', () => (proxy.hits.get('retry-after') ?? 0) >= 2);
    expect(events[0]).toBe(fast.backoff?.capMs);
    proxy.setMode('pass');
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  it('survives replies slower than the timeout (the platform may have stored them)', async () => {
    const { platform, device, db, proxy } = await setup(60);
    proxy.delayMs = 1500;
    proxy.setMode('slow');
    const w = worker(db, proxy.url, device, { timeoutMs: 500 });
    w.start();
    await waitFor('a timeout', () =>
      /no reply within 500 ms/.test(syncSummary(db).lastError ?? ''),
    );
    expect((await platform.stats()).transactions).toBeGreaterThan(0);
    proxy.setMode('pass');
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
    expect((await platform.stats()).duplicates).toBeGreaterThan(0);
  });

  it('survives a connection reset after the platform committed (lost ack)', async () => {
    const { platform, device, db, proxy } = await setup(80);
    proxy.setMode('drop-reply');
    const w = worker(db, proxy.url, device);
    w.start();
    await waitFor('lost acks', () => (proxy.hits.get('drop-reply') ?? 0) >= 3);
    const held = (await platform.stats()).transactions;
    expect(held).toBeGreaterThan(0);
    expect(syncSummary(db).counts.synced).toBe(0);
    proxy.setMode('pass');
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
    expect((await platform.stats()).duplicates).toBeGreaterThanOrEqual(held);
  });

  it('wakes on every outbox row this station writes, not only help calls', async () => {
    const { platform, device, db } = await setup(0);
    const w = worker(db, platform.url, device, { idleMs: 120_000, pullIntervalMs: 120_000 });
    w.start();
    await waitFor('the first pull', () => syncSummary(db).lastPullSuccessAt !== null);
    // The worker now idles for two minutes; a meal order (no help call) must not wait that long.
    const t0 = Date.now();
    queue(db, 3);
    await waitDrained(db, 5000);
    expect(syncSummary(db).counts.synced).toBe(3);
    expect(Date.now() - t0).toBeLessThan(5000);
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  it('answers the same batch sent twice with duplicates, storing it once', async () => {
    const { platform, device, db } = await setup(40);
    const client = new PlatformClient({ url: platform.url, ...device });
    const batch = claimBatch(db, 40, 1 << 20, new Date().toISOString());
    const first = await client.push(batch.items);
    const second = await client.push(batch.items);
    expect(first.results.every((r) => r.status === 'accepted')).toBe(true);
    expect(second.results.every((r) => r.status === 'duplicate')).toBe(true);
    // The rows are still 'sending' as if the process died here; a worker taking over resends them.
    const w = worker(db, platform.url, device);
    w.start();
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  it.each([
    ['two days fast', twoDays],
    ['two days slow', -twoDays],
  ])('syncs with the device clock %s', async (_label, skew) => {
    const { platform, device, db } = await setup(50);
    const w = worker(db, platform.url, device, { localNow: () => Date.now() + skew });
    w.start();
    await waitDrained(db);
    await expectExactlyDelivered(db, platform, device.deviceId);
    expect(Math.abs(w.client.clock.ms + skew)).toBeLessThan(3000);
  });

  it('puts a rejected transaction on the dead-letter list and delivers the rest', async () => {
    const { platform, device, db } = await setup(20);
    const bad = queue(db, 1, 'Not A Type')[0];
    queue(db, 20);
    const w = worker(db, platform.url, device);
    w.start();
    await waitDrained(db);
    const s = syncSummary(db);
    expect(s.counts).toEqual({ pending: 0, sending: 0, synced: 40, rejected: 1 });
    expect(s.deadLetters).toHaveLength(1);
    expect(s.deadLetters[0]?.uuid).toBe(bad);
    expect(s.deadLetters[0]?.reason).toMatch(
      /rejected by the platform: invalid transaction: type: expected a dotted/,
    );
    await expectExactlyDelivered(db, platform, device.deviceId);
  });

  it('sends a red-button help call through the core at once, while the worker backs off behind a slow proxy', async () => {
    const { platform, device, db, proxy } = await setup(2000);
    proxy.setMode('http500');
    const waits: number[] = [];
    const w = worker(db, proxy.url, device, {
      maxItems: 50,
      backoff: { baseMs: 60_000, capMs: 60_000 },
      random: () => 0.99,
      onEvent: (e) => e.type === 'error' && waits.push(e.retryInMs),
    });
    w.start();
    await waitFor('the worker to back off', () => waits.length >= 1);
    expect(waits[0]).toBeGreaterThan(50_000);
    // The platform is reachable again, slowly; the batch path sleeps on for a minute.
    proxy.delayMs = 300;
    proxy.setMode('slow');

    // As main/boot/start-station.ts wires it: the core tells the worker after each commit.
    const core = new KioskCore({
      db,
      config: defaultConfig,
      onCommitted: (entry, payload) => w.notifyAppended(entry, payload),
    });
    const t0 = Date.now();
    const receipt = core.callForHelp('red', 'button');
    await waitFor('the help call on the platform', async () => {
      const held = await platform.transactions(device.deviceId);
      return held.length > 0;
    });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await platform.transactions(device.deviceId)).map((t) => t.uuid)).toEqual([
      receipt.uuid,
    ]);
    await waitFor('the help call marked synced', () => syncSummary(db).counts.synced === 1);
    expect(syncSummary(db).counts.pending).toBe(2000);

    // A worker without the long backoff drains the queue; the help call stays the first received.
    await w.stop();
    proxy.setMode('pass');
    worker(db, proxy.url, device).start();
    await waitDrained(db, 30_000);
    await expectExactlyDelivered(db, platform, device.deviceId);
    const held = await platform.transactions(device.deviceId);
    const first = held.reduce((a, b) => (a.receivedAt <= b.receivedAt ? a : b));
    expect(first.uuid).toBe(receipt.uuid);
    expect(held.filter((t) => t.receivedAt === first.receivedAt)).toHaveLength(1);
  });
});
