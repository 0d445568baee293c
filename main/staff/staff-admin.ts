import { randomBytes } from 'node:crypto';
import { cardUid } from '../../contract/elder';
import type { StaffView } from '../../contract/views';
import type { Db } from '../store/open-database';
import { appendToOutbox } from '../store/outbox';
import { PIN_PATTERN, hashPin } from './pin-hash';
import { addStaff } from './staff-repo';

/**
 * Staff records for a real station, managed by a technician with `kioskctl staff …` (the demo
 * seed is only for demo stations). Every refusal says which value is wrong and why; nothing is
 * written unless all of it is right.
 */
export class StaffAdminError extends Error {}

export interface StaffMemberInput {
  /** the staff id (工号) shown in the outbox rows; made up when not given */
  id?: string | undefined;
  name: string;
  role: string;
  cards: string[];
  pin: string;
}

export interface ListedStaff extends StaffView {
  locked: boolean;
  failedPins: number;
  cards: { uid: string; status: 'active' | 'lost' }[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function checkPin(pin: string): void {
  if (!PIN_PATTERN.test(pin))
    throw new StaffAdminError('the PIN must be exactly six digits (0–9), nothing else');
}

/** Card UIDs as readers report them (upper-case hex), refused when already anyone's card. */
function checkCards(db: Db, cards: string[]): string[] {
  if (cards.length === 0) throw new StaffAdminError('give at least one staff card: --card UID');
  const uids = cards.map((c) => c.trim().toUpperCase());
  for (const uid of uids) {
    if (!cardUid.safeParse(uid).success)
      throw new StaffAdminError(`card ${uid}: expected 8 to 20 hex digits, as the reader shows it`);
    if (db.prepare('SELECT 1 FROM staff_cards WHERE uid = ?').get(uid))
      throw new StaffAdminError(`card ${uid} is already a staff card`);
    if (db.prepare('SELECT 1 FROM cards WHERE uid = ?').get(uid))
      throw new StaffAdminError(`card ${uid} is an elder's card (or was one): use a new card`);
  }
  if (new Set(uids).size !== uids.length) throw new StaffAdminError('the same card is given twice');
  return uids;
}

/** Adds a staff member with their card(s) and PIN, all in one transaction. */
export function addStaffMember(
  db: Db,
  pepper: Buffer,
  input: StaffMemberInput,
  at: string,
): StaffView {
  const name = input.name.trim();
  if (!name || name.length > 40 || /\p{Cc}/u.test(name))
    throw new StaffAdminError('the name must be 1 to 40 characters, no control characters');
  if (input.role !== 'staff' && input.role !== 'supervisor')
    throw new StaffAdminError(`role must be staff or supervisor, not "${input.role}"`);
  const role = input.role;
  const id = input.id ?? `staff-${randomBytes(4).toString('hex')}`;
  if (!ID.test(id))
    throw new StaffAdminError(
      `staff id "${id}": letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit`,
    );
  checkPin(input.pin);
  return db
    .transaction((): StaffView => {
      if (db.prepare('SELECT 1 FROM staff WHERE id = ?').get(id))
        throw new StaffAdminError(`there is already a staff member with id ${id}`);
      const cards = checkCards(db, input.cards);
      addStaff(db, pepper, { id, name, role, pin: input.pin, cards }, at);
      appendToOutbox(db, 'staff.added', { staffId: id, role, via: 'kioskctl', at }, at);
      return { id, name, role };
    })
    .immediate();
}

/**
 * A technician sets a staff member's new PIN (and so unlocks them): for a station whose only
 * supervisor is locked out or has forgotten theirs. Recorded like a supervisor's reset, with
 * `via: 'kioskctl'` in place of the supervisor.
 */
export function setStaffPin(
  db: Db,
  pepper: Buffer,
  staffId: string,
  pin: string,
  at: string,
): StaffView {
  checkPin(pin);
  return db
    .transaction((): StaffView => {
      const row = db.prepare('SELECT id, name, role FROM staff WHERE id = ?').get(staffId) as
        StaffView | undefined;
      if (!row)
        throw new StaffAdminError(`no staff member with id ${staffId} (kioskctl staff list)`);
      db.prepare(
        'UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_at = NULL WHERE id = ?',
      ).run(hashPin(pin, pepper), staffId);
      appendToOutbox(
        db,
        'staff.pin-reset',
        { staffId, supervisorId: null, via: 'kioskctl', newPin: true, at },
        at,
      );
      return { id: row.id, name: row.name, role: row.role };
    })
    .immediate();
}

/** Every staff member with their cards and lock state (never a PIN or its hash). */
export function listStaffWithCards(db: Db): ListedStaff[] {
  const cards = db.prepare('SELECT uid, status FROM staff_cards WHERE staff_id = ? ORDER BY uid');
  return (
    db.prepare('SELECT id, name, role, failed_pins, locked_at FROM staff ORDER BY id').all() as {
      id: string;
      name: string;
      role: 'staff' | 'supervisor';
      failed_pins: number;
      locked_at: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    locked: r.locked_at !== null,
    failedPins: r.failed_pins,
    cards: cards.all(r.id) as ListedStaff['cards'],
  }));
}
