import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../contract/sync-protocol';
import { applyChanges } from '../../../main/sync/apply-changes';
import { recordResults } from '../../../main/sync/outbox-queue';
import { recordSyncError } from '../../../main/sync/sync-summary';
import { projectRoot } from '../../support/kioskctl';
import { STAFF, staffStation, type StaffStation } from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

function rejectOne(): string {
  const row = station.db.prepare('SELECT uuid FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
    uuid: string;
  };
  station.db
    .prepare("UPDATE outbox SET state = 'rejected', last_error = ? WHERE uuid = ?")
    .run('422 unknown elder', row.uuid);
  return row.uuid;
}

describe('health: devices, sync, dead letters, paper-out', () => {
  it('shows dead letters with the platform’s reason; retry requeues, resolve hides', async () => {
    station = staffStation();
    await station.signIn();
    await station.call('staff.bindCard', { elderId: 'nx-0001', uid: 'C0FFEE0002' });
    const uuid = rejectOne();
    let health = await station.call('staff.health', {});
    expect(health.deadLetters).toEqual([
      expect.objectContaining({ uuid, type: 'card.bind', reason: '422 unknown elder' }),
    ]);
    expect(health.sync.rejected).toBe(1);

    health = await station.call('staff.retryDeadLetter', { uuid });
    expect(health.deadLetters).toEqual([]);
    expect(station.db.prepare('SELECT state FROM outbox WHERE uuid = ?').get(uuid)).toEqual({
      state: 'pending',
    });

    // Who retried travels to the platform with the retry.
    const audit = (type: string): unknown[] =>
      (
        station.db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY seq').all(type) as {
          payload: string;
        }[]
      ).map((r) => JSON.parse(r.payload));
    expect(audit('dead-letter.retry')).toEqual([
      expect.objectContaining({ outboxUuid: uuid, staffId: STAFF.id }),
    ]);

    station.db
      .prepare("UPDATE outbox SET state = 'rejected', last_error = ? WHERE uuid = ?")
      .run('422 unknown elder', uuid);
    health = await station.call('staff.resolveDeadLetter', { uuid });
    expect(audit('dead-letter.resolve')).toEqual([
      expect.objectContaining({ outboxUuid: uuid, staffId: STAFF.id }),
    ]);
    expect(health.deadLetters).toEqual([]);
    // Resolved, not deleted: the row stays as the platform refused it.
    expect(station.db.prepare('SELECT state FROM outbox WHERE uuid = ?').get(uuid)).toEqual({
      state: 'rejected',
    });
    expect(await station.refused('staff.resolveDeadLetter', { uuid: crypto.randomUUID() })).toMatch(
      /^not-found/,
    );
  });

  it('reports the printer out of paper from its device status', async () => {
    station = staffStation();
    await station.signIn();
    expect((await station.call('staff.health', {})).printer).toEqual({
      configured: false,
      paperOut: false,
      detail: null,
    });
    station.core.setDeviceStatuses([
      {
        source: 'escpos:/dev/usb/lp0',
        kind: 'printer',
        driver: 'escpos',
        connected: true,
        state: 'open',
        detail: 'out of paper',
        lastEventAt: null,
        errors: 1,
        lastError: 'escpos:/dev/usb/lp0: out of paper; nothing was printed',
        reconnects: 0,
      },
    ]);
    const health = await station.call('staff.health', {});
    expect(health.printer).toMatchObject({ configured: true, paperOut: true });
    expect(health.devices).toHaveLength(1);
  });
});

describe('health: the sync summary as the platform left it', () => {
  type Pack = { version: string; items: Record<string, unknown>[] } & Record<string, unknown>;
  const shipped = JSON.parse(
    readFileSync(join(projectRoot, 'policies', 'nanxun-2023.json'), 'utf8'),
  ) as Pack;
  /** a pull of nanxun-2023 at `version` whose first item has a misspelt field */
  const badPack = (version: string): Change => ({
    cursor: 1,
    kind: 'policy-pack',
    key: 'nanxun-2023',
    data: {
      id: 'nanxun-2023',
      version,
      body: {
        ...shipped,
        version,
        items: shipped.items.map((i, n) => (n ? i : { ...i, audiance: [] })),
      },
    },
  });

  it('passes on the pulled packs the station refused, with the loader’s reason', async () => {
    station = staffStation();
    await station.signIn();
    expect((await station.call('staff.health', {})).refusedChanges).toEqual([]);
    applyChanges(station.db, [badPack('9.0.0')], 1, '2026-11-23T10:05:00.000+08:00');

    const health = await station.call('staff.health', {});
    expect(health.refusedChanges).toEqual([
      {
        kind: 'policy-pack',
        key: 'nanxun-2023',
        version: '9.0.0',
        reason: expect.stringMatching(
          /pulled policy pack nanxun-2023 9\.0\.0 refused: item 1 \(1-employee-pension\): unknown field 'audiance'/,
        ) as string,
        at: '2026-11-23T10:05:00.000+08:00',
      },
    ]);
    expect(health.sync.lastPullSuccessAt).toBe('2026-11-23T10:05:00.000+08:00');
  });

  it('shows the last sync error only while it is newer than the last successful push and pull', async () => {
    station = staffStation();
    await station.signIn();
    const sync = async () => (await station.call('staff.health', {})).sync;

    recordSyncError(
      station.db,
      'connect ECONNREFUSED 127.0.0.1:9',
      '2026-11-23T10:00:00.000+08:00',
    );
    expect(await sync()).toMatchObject({
      lastError: 'connect ECONNREFUSED 127.0.0.1:9',
      lastErrorAt: '2026-11-23T10:00:00.000+08:00',
      lastPullSuccessAt: null,
    });

    // A pull succeeds at 10:05; a request that failed at 10:03 is recorded after it: stale.
    applyChanges(station.db, [], 1, '2026-11-23T10:05:00.000+08:00');
    recordSyncError(station.db, 'timed out after 15000 ms', '2026-11-23T10:03:00.000+08:00');
    expect(await sync()).toMatchObject({ lastError: null, lastErrorAt: null });

    // A failure after the pull is current again, until a push succeeds after it.
    recordSyncError(station.db, 'HTTP 503', '2026-11-23T10:07:00.000+08:00');
    expect(await sync()).toMatchObject({ lastError: 'HTTP 503' });
    recordResults(station.db, [], '2026-11-23T10:10:00.000+08:00');
    recordSyncError(station.db, 'HTTP 502', '2026-11-23T10:09:59.999+08:00');
    expect(await sync()).toMatchObject({
      lastError: null,
      lastPushSuccessAt: '2026-11-23T10:10:00.000+08:00',
    });

    // Compared as instants: 02:11 UTC is 10:11 in Shanghai, after the push (as text it sorts before).
    recordSyncError(station.db, 'HTTP 500', '2026-11-23T02:11:00.000Z');
    expect(await sync()).toMatchObject({
      lastError: 'HTTP 500',
      lastErrorAt: '2026-11-23T02:11:00.000Z',
    });
  });
});
