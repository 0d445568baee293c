import type { Change } from '../../contract/sync-protocol';
import type { Db } from '../store/open-database';

/**
 * Applies pulled changes and the new cursor in one transaction, so the station never shows half a
 * roster or a menu without its dishes. Foreign keys are checked at commit, not per row, because a
 * page may name a dish before the change that (re)creates it.
 */
export function applyChanges(db: Db, changes: Change[], cursor: number, nowIso: string): void {
  const s = statements(db);
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const c of changes) applyOne(s, c, nowIso);
    db.prepare('UPDATE sync_status SET pull_cursor = ?, last_pull_success_at = ? WHERE id = 1').run(
      cursor,
      nowIso,
    );
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
    slotUpsert:
      p(`INSERT INTO service_slots (id, service_id, starts_at, capacity, booked) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, starts_at = excluded.starts_at,
        capacity = excluded.capacity, booked = excluded.booked`),
    slotDelete: p('DELETE FROM service_slots WHERE id = ?'),
    packUpsert: p(`INSERT INTO policy_packs (id, version, body, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body, updated_at = excluded.updated_at`),
    packDelete: p('DELETE FROM policy_packs WHERE id = ?'),
    balanceUpsert:
      p(`INSERT INTO balances (elder_id, account, amount_fen, as_of) VALUES (?, ?, ?, ?)
      ON CONFLICT (elder_id, account) DO UPDATE SET amount_fen = excluded.amount_fen, as_of = excluded.as_of`),
    balanceDelete: p('DELETE FROM balances WHERE elder_id = ? AND account = ?'),
  };
}

/** The platform's key for menu items and balances is 'a/b/c'; split it back for deletes. */
function parts(key: string, n: number): string[] {
  const p = key.split('/');
  if (p.length !== n)
    throw new Error(`pulled change key '${key}' should have ${n} parts separated by '/'`);
  return p;
}

function applyOne(s: Statements, c: Change, nowIso: string): void {
  switch (c.kind) {
    case 'elder':
      if (!c.data) return void s.elderDelete.run(c.key);
      s.elderUpsert.run(
        c.data.id,
        c.data.name,
        c.data.phone,
        c.data.idNumber.slice(-4),
        JSON.stringify(c.data),
        nowIso,
      );
      for (const uid of c.data.cards) s.cardUpsert.run(uid, c.data.id, nowIso);
      return;
    case 'dish':
      if (!c.data) {
        s.dishMenuDelete.run(c.key);
        return void s.dishDelete.run(c.key);
      }
      return void s.dishUpsert.run(
        c.data.id,
        c.data.name,
        c.data.icon,
        JSON.stringify(c.data.tags),
        c.data.priceFen,
      );
    case 'menu-item':
      if (!c.data) return void s.menuDelete.run(...parts(c.key, 3));
      return void s.menuUpsert.run(
        c.data.date,
        c.data.sitting,
        c.data.dishId,
        c.data.portions,
        c.data.cutoff,
      );
    case 'service':
      if (!c.data) return void s.serviceDelete.run(c.key);
      return void s.serviceUpsert.run(
        c.data.id,
        c.data.name,
        c.data.icon,
        c.data.durationMinutes,
        c.data.priceFen,
        c.data.description,
      );
    case 'service-slot':
      if (!c.data) return void s.slotDelete.run(c.key);
      return void s.slotUpsert.run(
        c.data.id,
        c.data.serviceId,
        c.data.startsAt,
        c.data.capacity,
        c.data.booked,
      );
    case 'policy-pack':
      if (!c.data) return void s.packDelete.run(c.key);
      return void s.packUpsert.run(c.data.id, c.data.version, JSON.stringify(c.data.body), nowIso);
    case 'balance':
      if (!c.data) return void s.balanceDelete.run(...parts(c.key, 2));
      return void s.balanceUpsert.run(
        c.data.elderId,
        c.data.account,
        c.data.amountFen,
        c.data.asOf,
      );
  }
}
