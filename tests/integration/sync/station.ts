import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { shanghaiIso } from '../../../main/clock';
import { openStationDatabase, type Db } from '../../../main/store/open-database';
import { appendToOutbox } from '../../../main/store/outbox';
import { syncSummary } from '../../../main/sync/sync-summary';
import type { PlatformProcess } from '../../support/platform-process';

export function tempDir(prefix = 'yiyang-sync-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A station database file with `count` meal orders queued, as the ordering code would write them. */
export function makeStation(file: string, count: number, type = 'meal.order'): Db {
  const db = openStationDatabase(file);
  queue(db, count, type);
  return db;
}

export function queue(
  db: Db,
  count: number,
  type = 'meal.order',
  payload?: Record<string, unknown>,
): string[] {
  return db.transaction(() => {
    const uuids: string[] = [];
    for (let i = 0; i < count; i += 1)
      uuids.push(
        appendToOutbox(
          db,
          type,
          payload ?? { elderId: `e${i % 37}`, dishId: 'd1', priceFen: 800 + i, note: '红烧肉' },
          shanghaiIso(),
          randomUUID(),
        ).uuid,
      );
    return uuids;
  })();
}

export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitDrained(db: Db, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    'the outbox to drain',
    () => {
      const c = syncSummary(db).counts;
      return c.pending === 0 && c.sending === 0;
    },
    timeoutMs,
  );
}

/**
 * The invariant after every fault: the platform holds exactly the kiosk's synced transactions,
 * each once, with the same content; nothing is left pending.
 */
export async function expectExactlyDelivered(
  db: Db,
  platform: PlatformProcess,
  deviceId: string,
): Promise<void> {
  const local = db
    .prepare(
      `SELECT uuid, seq, type, payload, device_time, state FROM outbox WHERE state != 'rejected' ORDER BY seq`,
    )
    .all() as {
    uuid: string;
    seq: number;
    type: string;
    payload: string;
    device_time: string;
    state: string;
  }[];
  expect(local.filter((r) => r.state !== 'synced')).toEqual([]);
  const remote = await platform.transactions(deviceId);
  expect(new Set(remote.map((r) => r.uuid)).size).toBe(remote.length);
  expect(remote.map((r) => [r.uuid, r.seq, r.type, r.payload, r.deviceTime])).toEqual(
    local.map((r) => [r.uuid, r.seq, r.type, JSON.parse(r.payload) as unknown, r.device_time]),
  );
}
