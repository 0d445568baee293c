import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChangeKind, PlatformStats, StoredTransaction } from '../../contract/sync-protocol';
import { platformSchemaSql } from './schema-sql';
import {
  classify,
  type DeviceRow,
  type IngestOutcome,
  type IngestRow,
  type NewChangeOutcome,
  type PlatformStore,
  type RedeemOutcome,
  type StoredChange,
  refusedRedeem,
} from './platform-store';

interface TxRow {
  uuid: string;
  seq: number;
  type: string;
  payload: string;
  device_time: string;
  received_at: string;
}

/** The platform on one SQLite file: WAL and synchronous=FULL, so an acknowledged push survives a crash. */
export class SqlitePlatformStore implements PlatformStore {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(platformSchemaSql('sqlite'));
  }

  async createDevice(d: DeviceRow): Promise<void> {
    this.db
      .prepare('INSERT INTO devices (id, secret, name, created_at) VALUES (?, ?, ?, ?)')
      .run(d.id, d.secret, d.name, d.createdAt);
  }

  async deviceSecret(id: string): Promise<string | null> {
    const row = this.db.prepare('SELECT secret FROM devices WHERE id = ?').get(id) as
      { secret: string } | undefined;
    return row?.secret ?? null;
  }

  async createEnrolmentCode(code: string, name: string | null, expiresAt: string): Promise<void> {
    this.db
      .prepare('INSERT INTO enrolment_codes (code, name, expires_at) VALUES (?, ?, ?)')
      .run(code, name, expiresAt);
  }

  async redeemEnrolmentCode(code: string, d: DeviceRow, now: string): Promise<RedeemOutcome> {
    return this.db.transaction((): RedeemOutcome => {
      const used = this.db
        .prepare(
          'UPDATE enrolment_codes SET used_by = ? WHERE code = ? AND used_by IS NULL AND expires_at > ? RETURNING name',
        )
        .get(d.id, code, now) as { name: string | null } | undefined;
      if (!used)
        return refusedRedeem(
          this.db
            .prepare('SELECT used_by, expires_at FROM enrolment_codes WHERE code = ?')
            .get(code) as { used_by: string | null; expires_at: string } | undefined,
        );
      this.db
        .prepare('INSERT INTO devices (id, secret, name, created_at) VALUES (?, ?, ?, ?)')
        .run(d.id, d.secret, d.name ?? used.name, d.createdAt);
      return { ok: true };
    })();
  }

  async useNonce(deviceId: string, nonce: string, expiresAtMs: number): Promise<boolean> {
    const r = this.db
      .prepare(
        'INSERT INTO nonces (device_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(deviceId, nonce, expiresAtMs);
    return r.changes === 1;
  }

  async pruneNonces(nowMs: number): Promise<void> {
    this.db.prepare('DELETE FROM nonces WHERE expires_at < ?').run(nowMs);
  }

  async ingest(deviceId: string, rows: IngestRow[], receivedAt: string): Promise<IngestOutcome[]> {
    const insert = this.db.prepare(
      `INSERT INTO transactions (device_id, uuid, seq, type, payload, device_time, digest, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, uuid) DO NOTHING`,
    );
    const held = this.db.prepare(
      'SELECT digest FROM transactions WHERE device_id = ? AND uuid = ?',
    );
    return this.db.transaction(() => {
      const inserted = new Set<string>();
      const heldDigest = new Map<string, string>();
      for (const r of rows) {
        const res = insert.run(
          deviceId,
          r.uuid,
          r.seq,
          r.type,
          r.payloadJson,
          r.deviceTime,
          r.digest,
          receivedAt,
        );
        if (res.changes === 1) inserted.add(r.uuid);
        else if (!inserted.has(r.uuid)) {
          const h = held.get(deviceId, r.uuid) as { digest: string } | undefined;
          if (h) heldDigest.set(r.uuid, h.digest);
        }
      }
      const outcomes = classify(rows, inserted, heldDigest);
      this.bump('duplicates', outcomes.filter((o) => o === 'duplicate').length);
      this.bump('rejected', outcomes.filter((o) => o === 'conflict').length);
      return outcomes;
    })();
  }

  async countRejected(count: number): Promise<void> {
    this.bump('rejected', count);
  }

  private bump(name: string, by: number): void {
    if (by > 0)
      this.db.prepare('UPDATE counters SET value = value + ? WHERE name = ?').run(by, name);
  }

  async listTransactions(deviceId: string): Promise<StoredTransaction[]> {
    const rows = this.db
      .prepare(
        'SELECT uuid, seq, type, payload, device_time, received_at FROM transactions WHERE device_id = ? ORDER BY seq, uuid',
      )
      .all(deviceId) as TxRow[];
    return rows.map((r) => ({
      uuid: r.uuid,
      seq: r.seq,
      type: r.type,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      deviceTime: r.device_time,
      receivedAt: r.received_at,
    }));
  }

  async appendChanges(changes: Omit<StoredChange, 'cursor'>[]): Promise<void> {
    const drop = this.db.prepare('DELETE FROM changes WHERE kind = ? AND key = ?');
    const add = this.db.prepare('INSERT INTO changes (kind, key, data) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const c of changes) {
        drop.run(c.kind, c.key);
        add.run(c.kind, c.key, c.dataJson);
      }
    })();
  }

  async appendNewChanges(changes: Omit<StoredChange, 'cursor'>[]): Promise<NewChangeOutcome[]> {
    const held = this.db.prepare('SELECT data FROM changes WHERE kind = ? AND key = ?');
    const add = this.db.prepare('INSERT INTO changes (kind, key, data) VALUES (?, ?, ?)');
    return this.db.transaction((): NewChangeOutcome[] =>
      changes.map((c) => {
        const row = held.get(c.kind, c.key) as { data: string | null } | undefined;
        if (row) return row.data === c.dataJson ? 'duplicate' : 'conflict';
        add.run(c.kind, c.key, c.dataJson);
        return 'accepted';
      }),
    )();
  }

  async changesSince(cursor: number, limit: number): Promise<StoredChange[]> {
    const rows = this.db
      .prepare(
        'SELECT cursor, kind, key, data FROM changes WHERE cursor > ? ORDER BY cursor LIMIT ?',
      )
      .all(cursor, limit) as {
      cursor: number;
      kind: ChangeKind;
      key: string;
      data: string | null;
    }[];
    return rows.map((r) => ({ cursor: r.cursor, kind: r.kind, key: r.key, dataJson: r.data }));
  }

  async stats(): Promise<PlatformStats> {
    const count = (sql: string): number => (this.db.prepare(sql).get() as { n: number }).n;
    const counter = (name: string): number =>
      (this.db.prepare('SELECT value AS n FROM counters WHERE name = ?').get(name) as { n: number })
        .n;
    return {
      devices: count('SELECT count(*) AS n FROM devices'),
      transactions: count('SELECT count(*) AS n FROM transactions'),
      duplicates: counter('duplicates'),
      rejected: counter('rejected'),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
