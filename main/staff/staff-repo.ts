import type { StaffView } from '../../contract/views';
import type { Db } from '../store/open-database';
import { appendToOutbox } from '../store/outbox';
import { hashPin, verifyPin } from './pin-hash';

/** Ten wrong PINs lock a staff member until a supervisor resets them (issue 8). */
export const MAX_FAILED_PINS = 10;

interface StaffRow {
  id: string;
  name: string;
  role: 'staff' | 'supervisor';
  pin_hash: string;
  failed_pins: number;
  locked_at: string | null;
}

export interface NewStaff {
  id: string;
  name: string;
  role: 'staff' | 'supervisor';
  pin: string;
  cards: string[];
}

export type PinCheck =
  { ok: true; staff: StaffView } | { ok: false; locked: boolean; attemptsLeft: number };

export type StaffCardLookup =
  { status: 'active'; staff: StaffView } | { status: 'lost' } | { status: 'unknown' };

const view = (r: StaffRow): StaffView => ({ id: r.id, name: r.name, role: r.role });

function row(db: Db, id: string): StaffRow | undefined {
  return db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
}

/** Adds a staff member and their cards; an existing id is left as it is (seeding twice is safe). */
export function addStaff(db: Db, pepper: Buffer, s: NewStaff, at: string): boolean {
  return db.transaction(() => {
    if (row(db, s.id)) return false;
    db.prepare(
      'INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(s.id, s.name, s.role, hashPin(s.pin, pepper), at);
    const card = db.prepare(
      "INSERT INTO staff_cards (uid, staff_id, status, bound_at) VALUES (?, ?, 'active', ?)",
    );
    for (const uid of s.cards) card.run(uid, s.id, at);
    return true;
  })();
}

/** Whether a tapped card is a staff card; read on every tap, like the elder roster. */
export function findStaffByCard(db: Db, uid: string): StaffCardLookup {
  const found = db
    .prepare(
      'SELECT c.status, s.* FROM staff_cards c JOIN staff s ON s.id = c.staff_id WHERE c.uid = ?',
    )
    .get(uid) as (StaffRow & { status: 'active' | 'lost' }) | undefined;
  if (!found) return { status: 'unknown' };
  if (found.status === 'lost') return { status: 'lost' };
  return { status: 'active', staff: view(found) };
}

export function pinState(db: Db, staffId: string): { locked: boolean; attemptsLeft: number } {
  const r = row(db, staffId);
  if (!r) return { locked: true, attemptsLeft: 0 };
  return {
    locked: r.locked_at !== null,
    attemptsLeft: r.locked_at !== null ? 0 : MAX_FAILED_PINS - r.failed_pins,
  };
}

/**
 * Checks a PIN. A locked staff member is refused without even looking at the PIN, so a right
 * guess after the lockout proves nothing. The count and the lock are written in an IMMEDIATE
 * transaction: two kiosks on one file cannot both spend the same last attempt.
 */
export function checkPin(
  db: Db,
  pepper: Buffer,
  staffId: string,
  pin: string,
  at: string,
): PinCheck {
  return db
    .transaction((): PinCheck => {
      const r = row(db, staffId);
      if (!r) return { ok: false, locked: true, attemptsLeft: 0 };
      if (r.locked_at !== null) return { ok: false, locked: true, attemptsLeft: 0 };
      if (verifyPin(pin, r.pin_hash, pepper)) {
        db.prepare('UPDATE staff SET failed_pins = 0 WHERE id = ?').run(staffId);
        return { ok: true, staff: view(r) };
      }
      const failed = r.failed_pins + 1;
      const locked = failed >= MAX_FAILED_PINS;
      db.prepare('UPDATE staff SET failed_pins = ?, locked_at = ? WHERE id = ?').run(
        failed,
        locked ? at : null,
        staffId,
      );
      if (locked) appendToOutbox(db, 'staff.locked', { staffId, at }, at);
      return { ok: false, locked, attemptsLeft: MAX_FAILED_PINS - failed };
    })
    .immediate();
}

/**
 * A supervisor unlocks a staff member and, when given, sets a new PIN. Recorded in the outbox
 * with both identities. A supervisor cannot unlock themselves: another supervisor must.
 */
export function resetStaffPin(
  db: Db,
  pepper: Buffer,
  req: { supervisorId: string; staffId: string; newPin?: string | undefined },
  at: string,
): StaffView {
  return db
    .transaction((): StaffView => {
      const sup = row(db, req.supervisorId);
      if (!sup || sup.role !== 'supervisor' || sup.locked_at !== null)
        throw new StaffRefusal('not-supervisor', 'only a supervisor can reset a staff PIN');
      if (req.supervisorId === req.staffId)
        throw new StaffRefusal('not-supervisor', 'a supervisor cannot reset their own PIN');
      const target = row(db, req.staffId);
      if (!target) throw new StaffRefusal('not-found', `no staff member ${req.staffId}`);
      if (req.newPin !== undefined)
        db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(
          hashPin(req.newPin, pepper),
          req.staffId,
        );
      db.prepare('UPDATE staff SET failed_pins = 0, locked_at = NULL WHERE id = ?').run(
        req.staffId,
      );
      appendToOutbox(
        db,
        'staff.pin-reset',
        {
          staffId: req.staffId,
          supervisorId: req.supervisorId,
          newPin: req.newPin !== undefined,
          at,
        },
        at,
      );
      return view(target);
    })
    .immediate();
}

export function listStaff(db: Db): (StaffView & { locked: boolean })[] {
  return (db.prepare('SELECT * FROM staff ORDER BY id').all() as StaffRow[]).map((r) => ({
    ...view(r),
    locked: r.locked_at !== null,
  }));
}

/** An expected refusal in the staff console; the handlers turn it into `{ok:false}`. */
export class StaffRefusal extends Error {
  constructor(
    readonly reason:
      | 'not-supervisor'
      | 'not-found'
      | 'no-staff-session'
      | 'card-in-use'
      | 'card-not-active'
      | 'no-elder'
      | 'bad-pin',
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}
