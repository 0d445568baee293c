import pg from 'pg';
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

/** The platform on PostgreSQL, for a city's scale. Same tables and behaviour as the SQLite store. */
export class PostgresPlatformStore implements PlatformStore {
  readonly backend = 'postgres' as const;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresPlatformStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    // An idle client's network error would otherwise crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      await pool.query(platformSchemaSql('postgres'));
    } catch (error) {
      await pool.end();
      throw new Error(`cannot prepare the platform database at ${redact(url)}: ${message(error)}`);
    }
    return new PostgresPlatformStore(pool);
  }

  private async tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createDevice(d: DeviceRow): Promise<void> {
    await this.pool.query(
      'INSERT INTO devices (id, secret, name, created_at) VALUES ($1, $2, $3, $4)',
      [d.id, d.secret, d.name, d.createdAt],
    );
  }

  async deviceSecret(id: string): Promise<string | null> {
    const r = await this.pool.query<{ secret: string }>(
      'SELECT secret FROM devices WHERE id = $1',
      [id],
    );
    return r.rows[0]?.secret ?? null;
  }

  async createEnrolmentCode(code: string, name: string | null, expiresAt: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO enrolment_codes (code, name, expires_at) VALUES ($1, $2, $3)',
      [code, name, expiresAt],
    );
  }

  async redeemEnrolmentCode(code: string, d: DeviceRow, now: string): Promise<RedeemOutcome> {
    return this.tx(async (c): Promise<RedeemOutcome> => {
      const used = await c.query<{ name: string | null }>(
        'UPDATE enrolment_codes SET used_by = $1 WHERE code = $2 AND used_by IS NULL AND expires_at > $3 RETURNING name',
        [d.id, code, now],
      );
      const row = used.rows[0];
      if (!row) {
        const held = await c.query<{ used_by: string | null; expires_at: string }>(
          'SELECT used_by, expires_at FROM enrolment_codes WHERE code = $1',
          [code],
        );
        return refusedRedeem(held.rows[0]);
      }
      await c.query('INSERT INTO devices (id, secret, name, created_at) VALUES ($1, $2, $3, $4)', [
        d.id,
        d.secret,
        d.name ?? row.name,
        d.createdAt,
      ]);
      return { ok: true };
    });
  }

  async useNonce(deviceId: string, nonce: string, expiresAtMs: number): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO nonces (device_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [deviceId, nonce, expiresAtMs],
    );
    return r.rowCount === 1;
  }

  async pruneNonces(nowMs: number): Promise<void> {
    await this.pool.query('DELETE FROM nonces WHERE expires_at < $1', [nowMs]);
  }

  async ingest(deviceId: string, rows: IngestRow[], receivedAt: string): Promise<IngestOutcome[]> {
    return this.tx(async (c) => {
      // One statement for the whole batch: a round trip per item would cap ingest at the network's pace.
      const ins = await c.query<{ uuid: string }>(
        `INSERT INTO transactions (device_id, uuid, seq, type, payload, device_time, digest, received_at)
         SELECT $1, u, s, t, p, dt, dg, $8
           FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
             AS x(u, s, t, p, dt, dg)
         ON CONFLICT (device_id, uuid) DO NOTHING
         RETURNING uuid`,
        [
          deviceId,
          rows.map((r) => r.uuid),
          rows.map((r) => r.seq),
          rows.map((r) => r.type),
          rows.map((r) => r.payloadJson),
          rows.map((r) => r.deviceTime),
          rows.map((r) => r.digest),
          receivedAt,
        ],
      );
      const inserted = new Set(ins.rows.map((r) => r.uuid));
      const others = rows.map((r) => r.uuid).filter((u) => !inserted.has(u));
      const heldDigest = new Map<string, string>();
      if (others.length > 0) {
        const held = await c.query<{ uuid: string; digest: string }>(
          'SELECT uuid, digest FROM transactions WHERE device_id = $1 AND uuid = ANY($2::text[])',
          [deviceId, others],
        );
        for (const h of held.rows) if (!inserted.has(h.uuid)) heldDigest.set(h.uuid, h.digest);
      }
      const outcomes = classify(rows, inserted, heldDigest);
      await bump(c, 'duplicates', outcomes.filter((o) => o === 'duplicate').length);
      await bump(c, 'rejected', outcomes.filter((o) => o === 'conflict').length);
      return outcomes;
    });
  }

  async countRejected(count: number): Promise<void> {
    if (count > 0)
      await this.pool.query('UPDATE counters SET value = value + $1 WHERE name = $2', [
        count,
        'rejected',
      ]);
  }

  async listTransactions(deviceId: string): Promise<StoredTransaction[]> {
    const r = await this.pool.query<{
      uuid: string;
      seq: string;
      type: string;
      payload: string;
      device_time: string;
      received_at: string;
    }>(
      'SELECT uuid, seq, type, payload, device_time, received_at FROM transactions WHERE device_id = $1 ORDER BY seq, uuid',
      [deviceId],
    );
    return r.rows.map((row) => ({
      uuid: row.uuid,
      seq: Number(row.seq),
      type: row.type,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      deviceTime: row.device_time,
      receivedAt: row.received_at,
    }));
  }

  async appendChanges(changes: Omit<StoredChange, 'cursor'>[]): Promise<void> {
    await this.tx(async (c) => {
      for (const ch of changes) {
        await c.query('DELETE FROM changes WHERE kind = $1 AND key = $2', [ch.kind, ch.key]);
        await c.query('INSERT INTO changes (kind, key, data) VALUES ($1, $2, $3)', [
          ch.kind,
          ch.key,
          ch.dataJson,
        ]);
      }
    });
  }

  async appendNewChanges(changes: Omit<StoredChange, 'cursor'>[]): Promise<NewChangeOutcome[]> {
    return this.tx(async (c) => {
      // Two uploads of the same new credit at once must not both add it: one waits for the other.
      await c.query("SELECT pg_advisory_xact_lock(hashtext('yiyang.append-new-changes'))");
      const outcomes: NewChangeOutcome[] = [];
      for (const ch of changes) {
        const held = await c.query<{ data: string | null }>(
          'SELECT data FROM changes WHERE kind = $1 AND key = $2',
          [ch.kind, ch.key],
        );
        const row = held.rows[0];
        if (row) outcomes.push(row.data === ch.dataJson ? 'duplicate' : 'conflict');
        else {
          await c.query('INSERT INTO changes (kind, key, data) VALUES ($1, $2, $3)', [
            ch.kind,
            ch.key,
            ch.dataJson,
          ]);
          outcomes.push('accepted');
        }
      }
      return outcomes;
    });
  }

  async changesSince(cursor: number, limit: number): Promise<StoredChange[]> {
    const r = await this.pool.query<{
      cursor: string;
      kind: ChangeKind;
      key: string;
      data: string | null;
    }>('SELECT cursor, kind, key, data FROM changes WHERE cursor > $1 ORDER BY cursor LIMIT $2', [
      cursor,
      limit,
    ]);
    return r.rows.map((row) => ({
      cursor: Number(row.cursor),
      kind: row.kind,
      key: row.key,
      dataJson: row.data,
    }));
  }

  async stats(): Promise<PlatformStats> {
    const r = await this.pool.query<{
      devices: string;
      transactions: string;
      duplicates: string;
      rejected: string;
    }>(
      `SELECT (SELECT count(*) FROM devices) AS devices,
              (SELECT count(*) FROM transactions) AS transactions,
              (SELECT value FROM counters WHERE name = 'duplicates') AS duplicates,
              (SELECT value FROM counters WHERE name = 'rejected') AS rejected`,
    );
    const row = r.rows[0];
    if (!row) throw new Error('the platform stats query returned no row');
    return {
      devices: Number(row.devices),
      transactions: Number(row.transactions),
      duplicates: Number(row.duplicates),
      rejected: Number(row.rejected),
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function bump(c: pg.PoolClient, name: string, by: number): Promise<void> {
  if (by > 0) await c.query('UPDATE counters SET value = value + $1 WHERE name = $2', [by, name]);
}

/** The URL without its password, for error messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
