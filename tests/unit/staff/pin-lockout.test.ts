import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../main/staff/pin-hash';
import { PEPPER_FILE, loadPepper } from '../../../main/staff/pepper';
import { MAX_FAILED_PINS } from '../../../main/staff/staff-repo';
import { STAFF, SUPERVISOR, outboxRows, staffStation, type StaffStation } from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

describe('staff PINs: scrypt with a per-device pepper', () => {
  it('keeps the pepper in the data dir with mode 0600 and never stores the PIN', () => {
    station = staffStation();
    const file = join(station.dir, PEPPER_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    const stored = station.db.prepare('SELECT pin_hash FROM staff').all() as { pin_hash: string }[];
    for (const r of stored) {
      expect(r.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(r.pin_hash).not.toContain(STAFF.pin);
    }
  });

  it('verifies only with the same pepper', () => {
    station = staffStation();
    const pepper = loadPepper(station.dir);
    const hash = hashPin('246810', pepper);
    expect(verifyPin('246810', hash, pepper)).toBe(true);
    expect(verifyPin('246811', hash, pepper)).toBe(false);
    expect(verifyPin('246810', hash, Buffer.alloc(32, 1))).toBe(false);
    expect(() => hashPin('12345', pepper)).toThrow(/six digits/);
  });
});

describe('PIN lockout and supervisor reset', () => {
  it('a staff card asks for the PIN; the right PIN opens the console', async () => {
    station = staffStation();
    expect(station.core.cardTapped(STAFF.uid, 'test')).toMatchObject({
      kind: 'staff-pin',
      staff: { id: STAFF.id, role: 'staff' },
      attemptsLeft: MAX_FAILED_PINS,
      locked: false,
    });
    const s = await station.call('staff.pin', { pin: STAFF.pin });
    expect(s).toMatchObject({ kind: 'staff', staff: { id: STAFF.id }, assisting: null });
    expect(station.core.actingStaffId()).toBe(STAFF.id);
  });

  it('locks after 10 wrong PINs; the right PIN is then refused until a supervisor resets it', async () => {
    station = staffStation();
    station.core.cardTapped(STAFF.uid, 'test');
    for (let i = 1; i < MAX_FAILED_PINS; i++) {
      const s = await station.call('staff.pin', { pin: '000000' });
      expect(s).toMatchObject({
        kind: 'staff-pin',
        attemptsLeft: MAX_FAILED_PINS - i,
        locked: false,
      });
    }
    expect(await station.call('staff.pin', { pin: '000000' })).toMatchObject({
      kind: 'staff-pin',
      attemptsLeft: 0,
      locked: true,
    });
    // The right PIN after the lockout: still refused, on this tap and on a new one.
    expect(await station.call('staff.pin', { pin: STAFF.pin })).toMatchObject({ locked: true });
    station.core.endSession();
    expect(station.core.cardTapped(STAFF.uid, 'test')).toMatchObject({ locked: true });
    expect(await station.call('staff.pin', { pin: STAFF.pin })).toMatchObject({
      kind: 'staff-pin',
      locked: true,
    });
    expect(station.core.actingStaffId()).toBeNull();
    expect(outboxRows(station.db, 'staff.locked')).toEqual([
      expect.objectContaining({ staffId: STAFF.id }),
    ]);

    // A supervisor signs in and resets; the staff member's PIN works again.
    await station.signIn(SUPERVISOR);
    const list = await station.call('staff.list', {});
    expect(list.find((s) => s.id === STAFF.id)?.locked).toBe(true);
    await station.call('staff.resetPin', { staffId: STAFF.id });
    expect(outboxRows(station.db, 'staff.pin-reset')).toEqual([
      expect.objectContaining({ staffId: STAFF.id, supervisorId: SUPERVISOR.id }),
    ]);
    await station.call('staff.signOut', {});
    await station.signIn(STAFF);
    expect(station.core.session()).toMatchObject({ kind: 'staff', staff: { id: STAFF.id } });
  });

  it('a right PIN resets the count of wrong ones', async () => {
    station = staffStation();
    station.core.cardTapped(STAFF.uid, 'test');
    for (let i = 0; i < 9; i++) await station.call('staff.pin', { pin: '999999' });
    await station.call('staff.pin', { pin: STAFF.pin });
    await station.call('staff.signOut', {});
    expect(station.core.cardTapped(STAFF.uid, 'test')).toMatchObject({ attemptsLeft: 10 });
  });

  it('only a supervisor resets, never their own PIN; a new PIN can be set', async () => {
    station = staffStation();
    await station.signIn(STAFF);
    expect(await station.refused('staff.resetPin', { staffId: SUPERVISOR.id })).toMatch(
      /^refused not-supervisor/,
    );
    await station.call('staff.signOut', {});
    await station.signIn(SUPERVISOR);
    expect(await station.refused('staff.resetPin', { staffId: SUPERVISOR.id })).toMatch(/own PIN/);
    await station.call('staff.resetPin', { staffId: STAFF.id, newPin: '112233' });
    await station.call('staff.signOut', {});
    station.core.cardTapped(STAFF.uid, 'test');
    expect(await station.call('staff.pin', { pin: STAFF.pin })).toMatchObject({
      kind: 'staff-pin',
    });
    expect(await station.call('staff.pin', { pin: '112233' })).toMatchObject({ kind: 'staff' });
  });

  it('refuses a PIN with no staff card tapped, and staff calls with no staff session', async () => {
    station = staffStation();
    expect(await station.refused('staff.pin', { pin: STAFF.pin })).toMatch(/no-staff-session/);
    expect(await station.refused('staff.today', {})).toMatch(/no-staff-session/);
    expect(await station.refused('staff.pin', { pin: '12ab56' })).toMatch(/^bad-request/);
  });

  it('logs no PIN and no name', async () => {
    station = staffStation();
    station.core.cardTapped(STAFF.uid, 'test');
    await station.call('staff.pin', { pin: '000000' });
    await station.call('staff.pin', { pin: STAFF.pin });
    const all = station.logs.join('\n');
    expect(all).not.toMatch(/000000|123456|王晓红/);
  });
});
