import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase, type Db } from '../../../main/store/open-database';
import { SyncLock } from '../../../main/sync/sync-lock';
import { SyncWorker } from '../../../main/sync/sync-worker';

let db: Db;
afterEach(() => db.close());

const expiresAt = (): number =>
  (db.prepare('SELECT expires_at AS e FROM sync_lock').get() as { e: number }).e;

describe('the sync lease', () => {
  it('is held by one holder until it lapses, then taken over', () => {
    db = openStationDatabase(':memory:');
    let now = 1_000_000;
    const a = new SyncLock(db, 'a', 10_000, () => now);
    const b = new SyncLock(db, 'b', 10_000, () => now);
    expect(a.acquire()).toEqual({ acquired: true, takenOver: true });
    expect(b.acquire()).toEqual({ acquired: false, takenOver: false });
    now += 10_001;
    expect(b.acquire()).toEqual({ acquired: true, takenOver: true });
    expect(a.acquire().acquired).toBe(false);
  });

  it('skips the renewal write while more than half its lease is left, and renews after', () => {
    db = openStationDatabase(':memory:');
    let now = 1_000_000;
    const a = new SyncLock(db, 'a', 10_000, () => now);
    a.acquire();
    expect(expiresAt()).toBe(1_010_000);
    now += 4_000;
    expect(a.acquire()).toEqual({ acquired: true, takenOver: false });
    expect(expiresAt()).toBe(1_010_000);
    now += 2_000;
    expect(a.acquire()).toEqual({ acquired: true, takenOver: false });
    expect(expiresAt()).toBe(1_016_000);
  });

  it('after a release, writes again instead of trusting its old lease', () => {
    db = openStationDatabase(':memory:');
    const now = 1_000_000;
    const a = new SyncLock(db, 'a', 10_000, () => now);
    const b = new SyncLock(db, 'b', 10_000, () => now);
    a.acquire();
    a.release();
    expect(b.acquire().acquired).toBe(true);
    expect(a.acquire().acquired).toBe(false);
  });

  it('refuses a worker whose lease is not more than twice its request timeout', () => {
    db = openStationDatabase(':memory:');
    const link = { url: 'http://127.0.0.1:1', deviceId: 'd', secret: 'x'.repeat(32) };
    expect(() => new SyncWorker(db, link, { timeoutMs: 2000, leaseMs: 1500 })).toThrow(
      /leaseMs \(1500\) must be more than twice timeoutMs \(2000\)/,
    );
    expect(() => new SyncWorker(db, link, { timeoutMs: 1000, leaseMs: 3000 })).not.toThrow();
  });
});
