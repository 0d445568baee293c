import type { Db } from '../store/open-database';
import { refusedChanges, type RefusedChange } from './pulled-packs';

export interface DeadLetter {
  uuid: string;
  seq: number;
  type: string;
  deviceTime: string;
  reason: string;
}

export interface SyncSummary {
  counts: { pending: number; sending: number; synced: number; rejected: number };
  lastPushSuccessAt: string | null;
  lastPullSuccessAt: string | null;
  /** the last failure, cleared when a push or pull next succeeds: shown only while it is current */
  lastError: string | null;
  lastErrorAt: string | null;
  /** device time of the oldest transaction not yet on the platform, and its age in seconds */
  oldestPendingAt: string | null;
  oldestPendingAgeSeconds: number | null;
  /** the newest rejected transactions, with the platform's reason, for the staff screen */
  deadLetters: DeadLetter[];
  /** pulled changes the station would not take (a policy pack its loader refused), with why */
  refusedChanges: RefusedChange[];
}

/** What the staff screen shows about sync; reads only, so it is safe while the worker runs. */
export function syncSummary(db: Db, now: Date = new Date(), deadLetterLimit = 20): SyncSummary {
  const counts = { pending: 0, sending: 0, synced: 0, rejected: 0 };
  for (const r of db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
    state: keyof typeof counts;
    n: number;
  }[])
    counts[r.state] = r.n;
  const status = db
    .prepare(
      'SELECT last_push_success_at, last_pull_success_at, last_error, last_error_at FROM sync_status WHERE id = 1',
    )
    .get() as {
    last_push_success_at: string | null;
    last_pull_success_at: string | null;
    last_error: string | null;
    last_error_at: string | null;
  };
  const oldest = db
    .prepare(
      `SELECT device_time FROM outbox WHERE state IN ('pending', 'sending') ORDER BY seq LIMIT 1`,
    )
    .get() as { device_time: string } | undefined;
  const deadLetters = (
    db
      .prepare(
        `SELECT uuid, seq, type, device_time, last_error FROM outbox WHERE state = 'rejected' ORDER BY seq DESC LIMIT ?`,
      )
      .all(deadLetterLimit) as {
      uuid: string;
      seq: number;
      type: string;
      device_time: string;
      last_error: string | null;
    }[]
  ).map((r) => ({
    uuid: r.uuid,
    seq: r.seq,
    type: r.type,
    deviceTime: r.device_time,
    reason: r.last_error ?? '',
  }));
  const oldestMs = oldest ? Date.parse(oldest.device_time) : NaN;
  return {
    counts,
    lastPushSuccessAt: status.last_push_success_at,
    lastPullSuccessAt: status.last_pull_success_at,
    lastError: status.last_error,
    lastErrorAt: status.last_error_at,
    oldestPendingAt: oldest?.device_time ?? null,
    oldestPendingAgeSeconds: Number.isNaN(oldestMs)
      ? null
      : Math.max(0, Math.round((now.getTime() - oldestMs) / 1000)),
    deadLetters,
    refusedChanges: refusedChanges(db),
  };
}

export function recordSyncError(db: Db, message: string, nowIso: string): void {
  db.prepare('UPDATE sync_status SET last_error = ?, last_error_at = ? WHERE id = 1').run(
    message.slice(0, 500),
    nowIso,
  );
}
