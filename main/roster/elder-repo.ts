import { elderRecordSchema, type ElderRecord } from '../../contract/elder';
import type { Db } from '../store/open-database';
import { shanghaiIso } from '../clock';

export type CardLookup =
  { status: 'active'; elder: ElderRecord } | { status: 'lost' } | { status: 'unknown' };

/** Finds whose card this is. Reads the database on every tap, so an imported roster shows at once. */
export function findElderByCard(db: Db, uid: string): CardLookup {
  const row = db
    .prepare(
      'SELECT c.status, e.record FROM cards c JOIN elders e ON e.id = c.elder_id WHERE c.uid = ?',
    )
    .get(uid) as { status: 'active' | 'lost'; record: string } | undefined;
  if (!row) return { status: 'unknown' };
  if (row.status === 'lost') return { status: 'lost' };
  return { status: 'active', elder: elderRecordSchema.parse(JSON.parse(row.record)) };
}

export function countElders(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM elders').get() as { n: number }).n;
}

/**
 * Inserts or replaces elder records and binds their cards, all in one transaction. A card that
 * already belongs to another elder moves to this one: the roster from the platform is the truth.
 */
export function upsertElders(
  db: Db,
  records: readonly ElderRecord[],
  now: Date = new Date(),
): void {
  const at = shanghaiIso(now);
  const putElder = db.prepare(
    `INSERT INTO elders (id, name, phone, id_last4, record, updated_at) VALUES (@id, @name, @phone, @last4, @record, @at)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, phone = excluded.phone, id_last4 = excluded.id_last4,
       record = excluded.record, updated_at = excluded.updated_at`,
  );
  const putCard = db.prepare(
    `INSERT INTO cards (uid, elder_id, status, bound_at) VALUES (?, ?, 'active', ?)
     ON CONFLICT(uid) DO UPDATE SET elder_id = excluded.elder_id`,
  );
  db.transaction(() => {
    for (const r of records) {
      putElder.run({
        id: r.id,
        name: r.name,
        phone: r.phone,
        last4: r.idNumber.slice(-4),
        record: JSON.stringify(r),
        at,
      });
      for (const uid of r.cards) putCard.run(uid, r.id, at);
    }
  })();
}
