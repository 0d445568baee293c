import type { ElderMatch } from '../../contract/calls/staff-calls';
import { elderRecordSchema, type ElderRecord } from '../../contract/elder';
import { maskIdNumber } from '../core/masking';
import { ageOn } from '../roster/age';
import type { Db } from '../store/open-database';

const MAX_MATCHES = 20;

/**
 * Finds elders at the counter: four digits are tried as the ID number's last four and as a
 * phone's last digits; other digits as a phone; anything else as part of a name. Results carry
 * the masked ID number only: the full one never leaves the core.
 */
export function findElders(db: Db, query: string, today: string): ElderMatch[] {
  const q = query.trim();
  let rows: { record: string }[];
  if (/^\d{4}$/.test(q) || /^\d{3}[\dXx]$/.test(q)) {
    rows = db
      .prepare('SELECT record FROM elders WHERE id_last4 = ? OR phone LIKE ? ORDER BY name LIMIT ?')
      .all(q.toUpperCase(), `%${q}`, MAX_MATCHES) as { record: string }[];
  } else if (/^\d{5,11}$/.test(q)) {
    rows = db
      .prepare('SELECT record FROM elders WHERE phone LIKE ? ORDER BY name LIMIT ?')
      .all(`%${q}`, MAX_MATCHES) as { record: string }[];
  } else {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    rows = db
      .prepare("SELECT record FROM elders WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?")
      .all(like, MAX_MATCHES) as { record: string }[];
  }
  return rows.map((r) => toMatch(elderRecordSchema.parse(JSON.parse(r.record)), today));
}

export function findElderById(db: Db, id: string): ElderRecord | null {
  const row = db.prepare('SELECT record FROM elders WHERE id = ?').get(id) as
    { record: string } | undefined;
  return row ? elderRecordSchema.parse(JSON.parse(row.record)) : null;
}

function toMatch(e: ElderRecord, today: string): ElderMatch {
  return {
    id: e.id,
    name: e.name,
    gender: e.gender,
    age: ageOn(e.birthDate, today),
    idNumberMasked: maskIdNumber(e.idNumber),
    phoneLast4: e.phone.slice(-4),
  };
}
