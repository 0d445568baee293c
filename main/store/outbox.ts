import { randomUUID } from 'node:crypto';
import type { Db } from './open-database';

export interface OutboxEntry {
  uuid: string;
  seq: number;
  type: string;
  deviceTime: string;
}

/**
 * Appends one transaction to the outbox with the next device sequence number. Call it inside the
 * same db.transaction() that writes the domain and ledger rows, so all of them commit or none do.
 */
export function appendToOutbox(
  db: Db,
  type: string,
  payload: unknown,
  deviceTime: string,
  uuid: string = randomUUID(),
): OutboxEntry {
  if (!db.inTransaction)
    throw new Error('appendToOutbox must run inside the transaction that writes the record');
  const { next } = db
    .prepare('UPDATE device_sequence SET next = next + 1 WHERE id = 1 RETURNING next - 1 AS next')
    .get() as {
    next: number;
  };
  db.prepare(
    'INSERT INTO outbox (seq, uuid, type, payload, device_time) VALUES (?, ?, ?, ?, ?)',
  ).run(next, uuid, type, JSON.stringify(payload), deviceTime);
  return { uuid, seq: next, type, deviceTime };
}
