import type { ChangeKind, PlatformStats, StoredTransaction } from '../../contract/sync-protocol';

/** One pushed transaction as the platform keeps it. */
export interface IngestRow {
  uuid: string;
  seq: number;
  type: string;
  /** the payload as canonical JSON text, stored as sent */
  payloadJson: string;
  deviceTime: string;
  /** SHA-256 of the whole item, to tell a true duplicate from a reused uuid */
  digest: string;
}

/** accepted: stored now; duplicate: already held with the same digest; conflict: uuid held with other content. */
export type IngestOutcome = 'accepted' | 'duplicate' | 'conflict';

export interface DeviceRow {
  id: string;
  secret: string;
  name: string | null;
  createdAt: string;
}

export type RedeemOutcome =
  | { ok: true }
  | { ok: false; why: 'unknown' | 'used' }
  | { ok: false; why: 'expired'; expiresAt: string };

/** Why a code that the redeeming UPDATE did not take was refused, from its row (or its absence). */
export function refusedRedeem(
  row: { used_by: string | null; expires_at: string } | undefined,
): RedeemOutcome {
  if (!row) return { ok: false, why: 'unknown' };
  if (row.used_by !== null) return { ok: false, why: 'used' };
  return { ok: false, why: 'expired', expiresAt: row.expires_at };
}

export type NewChangeOutcome = 'accepted' | 'duplicate' | 'conflict';

export interface StoredChange {
  cursor: number;
  kind: ChangeKind;
  key: string;
  /** JSON text of the new data, or null when withdrawn */
  dataJson: string | null;
}

/**
 * Everything the reference platform keeps. Two implementations (SQLite, PostgreSQL) with the same
 * behaviour; the HTTP layer sees only this interface, so tests run the same cases on both.
 */
export interface PlatformStore {
  readonly backend: 'sqlite' | 'postgres';
  createDevice(device: DeviceRow): Promise<void>;
  deviceSecret(id: string): Promise<string | null>;
  createEnrolmentCode(code: string, name: string | null, expiresAt: string): Promise<void>;
  /**
   * Marks the code used and creates the device in one step, so a code never makes two devices.
   * Otherwise says why not: no such code, already used, or expired (with when).
   */
  redeemEnrolmentCode(code: string, device: DeviceRow, now: string): Promise<RedeemOutcome>;
  /** Records a nonce; false if this device already used it (a replay). */
  useNonce(deviceId: string, nonce: string, expiresAtMs: number): Promise<boolean>;
  pruneNonces(nowMs: number): Promise<void>;
  /** Stores a batch in one transaction, idempotent on (device id, uuid); one outcome per row. */
  ingest(deviceId: string, rows: IngestRow[], receivedAt: string): Promise<IngestOutcome[]>;
  countRejected(count: number): Promise<void>;
  listTransactions(deviceId: string): Promise<StoredTransaction[]>;
  /** Appends changes; an older change of the same kind and key is dropped, so pulls stay small. */
  appendChanges(changes: Omit<StoredChange, 'cursor'>[]): Promise<void>;
  /**
   * Appends changes that must never be replaced (credits), in one transaction: a (kind, key) not
   * yet held is added ('accepted'); one held with the same data is left ('duplicate'); one held
   * with other data is refused ('conflict').
   */
  appendNewChanges(changes: Omit<StoredChange, 'cursor'>[]): Promise<NewChangeOutcome[]>;
  changesSince(cursor: number, limit: number): Promise<StoredChange[]>;
  stats(): Promise<PlatformStats>;
  close(): Promise<void>;
}

/**
 * Classifies a batch given which rows the insert actually stored and the digests already held.
 * Shared by both backends so "duplicate" means the same thing on each.
 */
export function classify(
  rows: IngestRow[],
  inserted: ReadonlySet<string>,
  heldDigest: ReadonlyMap<string, string>,
): IngestOutcome[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (inserted.has(row.uuid) && !seen.has(row.uuid)) {
      seen.add(row.uuid);
      return 'accepted';
    }
    const held = heldDigest.get(row.uuid) ?? rows.find((r) => r.uuid === row.uuid)?.digest;
    return held === row.digest ? 'duplicate' : 'conflict';
  });
}
