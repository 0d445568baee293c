import type { OutboundTransaction, PushResult } from '../../contract/sync-protocol';
import { pushLimits } from '../../contract/sync-protocol';
import type { Db } from '../store/open-database';

/** Help calls are sent before everything else (DESIGN.md: emergency calls skip the queue). */
export const urgentTypes = ['help.call'] as const;

export function isUrgent(type: string, payload: unknown): boolean {
  return type === 'help.call' && (payload as { button?: unknown } | null)?.button === 'red';
}

interface OutboxRow {
  seq: number;
  uuid: string;
  type: string;
  payload: string;
  device_time: string;
}

export interface Batch {
  items: OutboundTransaction[];
  bytes: number;
}

/** Per-item overhead of the JSON envelope beside the payload text, for the byte bound. */
const itemOverhead = 160;

/**
 * Claims the next batch: pending rows, urgent first, then by sequence, until the count or byte
 * bound; marks them 'sending' in one short transaction and returns them. An item that alone
 * exceeds the platform's body limit can never be sent, so it goes to the dead-letter list here.
 */
export function claimBatch(db: Db, maxItems: number, maxBytes: number, nowIso: string): Batch {
  return db.transaction((): Batch => {
    const pick = (sql: string, limit: number): OutboxRow[] =>
      db.prepare(sql).all(limit) as OutboxRow[];
    const urgent = pick(
      `SELECT seq, uuid, type, payload, device_time FROM outbox WHERE state = 'pending' AND type = 'help.call' ORDER BY seq LIMIT ?`,
      maxItems,
    );
    const rest = pick(
      `SELECT seq, uuid, type, payload, device_time FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?`,
      maxItems,
    );
    const seen = new Set<number>();
    const items: OutboundTransaction[] = [];
    let bytes = 0;
    const mark = db.prepare(
      `UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE seq = ?`,
    );
    const dead = db.prepare(
      `UPDATE outbox SET state = 'rejected', last_error = ?, synced_at = ? WHERE seq = ?`,
    );
    for (const row of [...urgent, ...rest]) {
      if (seen.has(row.seq) || items.length >= maxItems) continue;
      seen.add(row.seq);
      const size =
        Buffer.byteLength(row.payload) + row.uuid.length + row.type.length + itemOverhead;
      if (size > pushLimits.maxBodyBytes) {
        dead.run(
          `too large to send: ${size} bytes, the platform takes at most ${pushLimits.maxBodyBytes}`,
          nowIso,
          row.seq,
        );
        continue;
      }
      if (items.length > 0 && bytes + size > maxBytes) break;
      bytes += size;
      mark.run(row.seq);
      items.push(toOutbound(row));
    }
    return { items, bytes };
  })();
}

function toOutbound(row: OutboxRow): OutboundTransaction {
  return {
    uuid: row.uuid,
    seq: row.seq,
    type: row.type,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    deviceTime: row.device_time,
  };
}

/** One row by uuid, for the urgent path; null if it is not pending. */
export function readPending(db: Db, uuid: string): OutboundTransaction | null {
  const row = db
    .prepare(
      `SELECT seq, uuid, type, payload, device_time FROM outbox WHERE uuid = ? AND state IN ('pending', 'sending')`,
    )
    .get(uuid) as OutboxRow | undefined;
  return row ? toOutbound(row) : null;
}

/**
 * Records the platform's answer in one transaction: accepted and duplicate are synced; rejected
 * goes to the dead-letter list with the platform's reason and blocks nothing behind it.
 */
export function recordResults(
  db: Db,
  results: PushResult[],
  nowIso: string,
): { synced: number; rejected: number } {
  const synced = db.prepare(
    `UPDATE outbox SET state = 'synced', synced_at = ?, last_error = NULL WHERE uuid = ? AND state != 'synced'`,
  );
  const rejected = db.prepare(
    `UPDATE outbox SET state = 'rejected', last_error = ?, synced_at = ? WHERE uuid = ? AND state != 'synced'`,
  );
  return db.transaction(() => {
    let s = 0;
    let r = 0;
    for (const result of results) {
      if (result.status === 'rejected')
        r += rejected.run(
          `rejected by the platform: ${result.reason}`,
          nowIso,
          result.uuid,
        ).changes;
      else s += synced.run(nowIso, result.uuid).changes;
    }
    // The platform answered: an earlier failure is over, so the staff screen stops showing it.
    db.prepare(
      'UPDATE sync_status SET last_push_success_at = ?, last_error = NULL, last_error_at = NULL WHERE id = 1',
    ).run(nowIso);
    return { synced: s, rejected: r };
  })();
}

/** A failed attempt: the claimed rows go back to pending with the error, to be retried. */
export function releaseClaimed(db: Db, uuids: string[], error: string): void {
  const back = db.prepare(
    `UPDATE outbox SET state = 'pending', last_error = ? WHERE uuid = ? AND state = 'sending'`,
  );
  db.transaction(() => {
    for (const uuid of uuids) back.run(error, uuid);
  })();
}

/** After a crash or a dead holder: nothing is being sent any more, so 'sending' means 'pending'. */
export function resetSending(db: Db): number {
  return db.prepare(`UPDATE outbox SET state = 'pending' WHERE state = 'sending'`).run().changes;
}

/** Staff may send a dead-letter item again (e.g. after the platform was fixed). */
export function requeueRejected(db: Db, uuid: string): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET state = 'pending', last_error = NULL, synced_at = NULL WHERE uuid = ? AND state = 'rejected'`,
      )
      .run(uuid).changes === 1
  );
}
