import { appendToOutbox } from '../store/outbox';
import type { DeviceStatusView } from '../../contract/calls/device-calls';
import type { HealthView } from '../../contract/calls/staff-calls';
import type { Db } from '../store/open-database';
import { requeueRejected, syncSummary, type SyncSummary } from '../sync';
import { StaffRefusal } from './staff-repo';

/** The printer's own words when it refuses for paper (hardware/printer/escpos-printer.ts). */
const PAPER_OUT = /out of paper|PAPER_OUT/i;

/** Devices, sync and dead letters, as the staff health screen shows them. */
export function healthView(db: Db, devices: DeviceStatusView[], now: Date): HealthView {
  const summary = syncSummary(db, now, 50);
  const resolved = new Set(
    (
      db.prepare('SELECT outbox_uuid FROM dead_letter_resolutions').all() as {
        outbox_uuid: string;
      }[]
    ).map((r) => r.outbox_uuid),
  );
  const printer = devices.find((d) => d.kind === 'printer');
  return {
    devices,
    printer: {
      configured: printer !== undefined,
      paperOut:
        printer !== undefined &&
        (PAPER_OUT.test(printer.detail ?? '') || PAPER_OUT.test(printer.lastError ?? '')),
      detail: printer?.detail ?? printer?.lastError ?? null,
    },
    sync: {
      ...summary.counts,
      lastPushSuccessAt: summary.lastPushSuccessAt,
      lastPullSuccessAt: summary.lastPullSuccessAt,
      ...currentError(summary),
      oldestPendingAgeSeconds: summary.oldestPendingAgeSeconds,
    },
    deadLetters: summary.deadLetters.filter((d) => !resolved.has(d.uuid)),
    refusedChanges: summary.refusedChanges.map((r) => ({
      kind: r.kind,
      key: r.key,
      version: r.version,
      reason: r.reason,
      at: r.at,
    })),
  };
}

/**
 * The last sync error, only while it is newer than the last successful push and pull: an error
 * that a later success has overtaken says nothing about the station now, and staff would chase
 * it. The sync worker clears the error when it succeeds; this keeps the screen right whoever
 * wrote the status row. Times are compared as instants, whatever their offsets. An error without
 * a time cannot be shown to be old, so it counts as current.
 */
function currentError(summary: SyncSummary): {
  lastError: string | null;
  lastErrorAt: string | null;
} {
  const none = { lastError: null, lastErrorAt: null };
  if (summary.lastError === null) return none;
  if (summary.lastErrorAt === null) return { lastError: summary.lastError, lastErrorAt: null };
  const errorMs = Date.parse(summary.lastErrorAt);
  const successMs = [summary.lastPushSuccessAt, summary.lastPullSuccessAt]
    .map((t) => (t === null ? Number.NaN : Date.parse(t)))
    .filter((ms) => !Number.isNaN(ms));
  if (!Number.isNaN(errorMs) && successMs.some((ms) => ms >= errorMs)) return none;
  return { lastError: summary.lastError, lastErrorAt: summary.lastErrorAt };
}

/**
 * Sends a rejected transaction again (after the platform's problem was fixed). Who did it travels
 * to the platform as a `dead-letter.retry` transaction, committed with the re-queue.
 */
export function retryDeadLetter(db: Db, uuid: string, staffId: string, at: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM dead_letter_resolutions WHERE outbox_uuid = ?').run(uuid);
    if (!requeueRejected(db, uuid))
      throw new StaffRefusal('not-found', `no rejected transaction ${uuid}`);
    appendToOutbox(db, 'dead-letter.retry', { outboxUuid: uuid, staffId, at }, at);
  })();
}

/**
 * Staff settled a rejected transaction by other means (phoned the district office): it leaves
 * the list but stays in the outbox as rejected, so nothing is lost and the platform never sees it
 * twice. Who settled it is kept here and sent as a `dead-letter.resolve` transaction.
 */
export function resolveDeadLetter(db: Db, uuid: string, staffId: string, at: string): void {
  db.transaction(() => {
    const row = db.prepare('SELECT state FROM outbox WHERE uuid = ?').get(uuid) as
      { state: string } | undefined;
    if (!row || row.state !== 'rejected')
      throw new StaffRefusal('not-found', `no rejected transaction ${uuid}`);
    db.prepare(
      'INSERT OR REPLACE INTO dead_letter_resolutions (outbox_uuid, staff_id, at) VALUES (?, ?, ?)',
    ).run(uuid, staffId, at);
    appendToOutbox(db, 'dead-letter.resolve', { outboxUuid: uuid, staffId, at }, at);
  })();
}
