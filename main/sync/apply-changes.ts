import type { Change } from '../../contract/sync-protocol';
import type { Db } from '../store/open-database';
import { applyCredit } from './platform-credits';
import { checkPulledPack, clearRefusal, recordRefusal, type RefusedChange } from './pulled-packs';

export interface ApplyOutcome {
  /** changes not taken (the old data kept), with the reason; also kept for the staff screen */
  refused: RefusedChange[];
  /** platform credits posted into the ledger now (a credit pulled again is not posted again) */
  credited: number;
}

/**
 * Applies pulled changes and the new cursor in one transaction, so the station never shows half a
 * roster or a menu without its dishes. Foreign keys are checked at commit, not per row, because a
 * page may name a dish before the change that (re)creates it. A change the station refuses (a
 * policy pack its loader rejects) keeps the old data and is recorded; it does not stop the rest.
 */
export function applyChanges(
  db: Db,
  changes: Change[],
  cursor: number,
  nowIso: string,
): ApplyOutcome {
  const s = statements(db);
  return db.transaction((): ApplyOutcome => {
    db.pragma('defer_foreign_keys = ON');
    const outcome: ApplyOutcome = { refused: [], credited: 0 };
    for (const c of changes) {
      if (c.kind === 'credit') {
        if (applyCredit(db, c.data, nowIso)) outcome.credited += 1;
        continue;
      }
      const reason = applyOne(s, c, nowIso);
      if (reason === null) {
        clearRefusal(db, c.kind, c.key);
        continue;
      }
      const refusal: RefusedChange = {
        kind: c.kind,
        key: c.key,
        version: c.kind === 'policy-pack' && c.data ? c.data.version : null,
        reason,
        at: nowIso,
      };
      recordRefusal(db, refusal);
      outcome.refused.push(refusal);
    }
    db.prepare(
      'UPDATE sync_status SET pull_cursor = ?, last_pull_success_at = ?, last_error = NULL, last_error_at = NULL WHERE id = 1',
    ).run(cursor, nowIso);
    return outcome;
  })();
}

type Statements = ReturnType<typeof statements>;

function statements(db: Db) {
  const p = (sql: string) => db.prepare(sql);
  return {
    elderUpsert:
      p(`INSERT INTO elders (id, name, phone, id_last4, record, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, id_last4 = excluded.id_last4,
        record = excluded.record, updated_at = excluded.updated_at`),
    elderDelete: p('DELETE FROM elders WHERE id = ?'),
    // A card moves to the elder the platform names; its local status (e.g. reported lost) stays.
    cardUpsert: p(`INSERT INTO cards (uid, elder_id, bound_at) VALUES (?, ?, ?)
      ON CONFLICT (uid) DO UPDATE SET elder_id = excluded.elder_id`),
    dishUpsert: p(`INSERT INTO dishes (id, name, icon, tags, price_fen) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, icon = excluded.icon, tags = excluded.tags, price_fen = excluded.price_fen`),
    dishDelete: p('DELETE FROM dishes WHERE id = ?'),
    dishMenuDelete: p('DELETE FROM menu_items WHERE dish_id = ?'),
    menuUpsert:
      p(`INSERT INTO menu_items (date, sitting, dish_id, portions, cutoff) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (date, sitting, dish_id) DO UPDATE SET portions = excluded.portions, cutoff = excluded.cutoff`),
    menuDelete: p('DELETE FROM menu_items WHERE date = ? AND sitting = ? AND dish_id = ?'),
    serviceUpsert:
      p(`INSERT INTO services (id, name, icon, duration_minutes, price_fen, description) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, icon = excluded.icon, duration_minutes = excluded.duration_minutes,
        price_fen = excluded.price_fen, description = excluded.description`),
    serviceDelete: p('DELETE FROM services WHERE id = ?'),
    // The platform's booked figure may not yet count this station's own bookings (still in the
    // outbox): a slot never shows fewer seats taken than the station itself has booked, or it
    // would sell them again.
    slotUpsert: p(`INSERT INTO service_slots (id, service_id, starts_at, capacity, booked)
      VALUES (@id, @serviceId, @startsAt, @capacity,
        max(@booked, (SELECT count(*) FROM service_bookings WHERE slot_id = @id AND status = 'booked')))
      ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, starts_at = excluded.starts_at,
        capacity = excluded.capacity, booked = excluded.booked`),
    slotDelete: p('DELETE FROM service_slots WHERE id = ?'),
    packUpsert: p(`INSERT INTO policy_packs (id, version, body, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body, updated_at = excluded.updated_at`),
    packDelete: p('DELETE FROM policy_packs WHERE id = ?'),
  };
}

/** The platform's key for menu items is 'date/sitting/dishId'; split it back for deletes. */
function parts(key: string, n: number): string[] {
  const p = key.split('/');
  if (p.length !== n)
    throw new Error(`pulled change key '${key}' should have ${n} parts separated by '/'`);
  return p;
}

/** Applies one change; returns why it was refused (the old data kept), or null when it was taken. */
function applyOne(
  s: Statements,
  c: Exclude<Change, { kind: 'credit' }>,
  nowIso: string,
): string | null {
  switch (c.kind) {
    case 'elder':
      if (!c.data) {
        s.elderDelete.run(c.key);
        return null;
      }
      s.elderUpsert.run(
        c.data.id,
        c.data.name,
        c.data.phone,
        c.data.idNumber.slice(-4),
        JSON.stringify(c.data),
        nowIso,
      );
      for (const uid of c.data.cards) s.cardUpsert.run(uid, c.data.id, nowIso);
      return null;
    case 'dish':
      if (!c.data) {
        s.dishMenuDelete.run(c.key);
        s.dishDelete.run(c.key);
        return null;
      }
      s.dishUpsert.run(
        c.data.id,
        c.data.name,
        c.data.icon,
        JSON.stringify(c.data.tags),
        c.data.priceFen,
      );
      return null;
    case 'menu-item':
      if (!c.data) s.menuDelete.run(...parts(c.key, 3));
      else
        s.menuUpsert.run(
          c.data.date,
          c.data.sitting,
          c.data.dishId,
          c.data.portions,
          c.data.cutoff,
        );
      return null;
    case 'service':
      if (!c.data) s.serviceDelete.run(c.key);
      else
        s.serviceUpsert.run(
          c.data.id,
          c.data.name,
          c.data.icon,
          c.data.durationMinutes,
          c.data.priceFen,
          c.data.description,
        );
      return null;
    case 'service-slot':
      if (!c.data) s.slotDelete.run(c.key);
      else s.slotUpsert.run(c.data);
      return null;
    case 'policy-pack': {
      if (!c.data) {
        s.packDelete.run(c.key);
        return null;
      }
      const { problem } = checkPulledPack(c.data);
      if (problem !== null) return problem;
      s.packUpsert.run(c.data.id, c.data.version, JSON.stringify(c.data.body), nowIso);
      return null;
    }
  }
}
