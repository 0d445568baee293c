import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  STAFF_IDLE_MS,
  STAFF_MAX_MS,
  StaffSessionTimer,
} from '../../../main/staff/staff-session-timer';
import { STAFF, staffStation, type StaffStation } from './staff-fixture';

const MINUTE = 60_000;
let station: StaffStation | null = null;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  station?.close();
  station = null;
});

describe('staff session clocks (fake timers)', () => {
  it('are 30 minutes idle and 12 hours in all', () => {
    expect(STAFF_IDLE_MS).toBe(30 * MINUTE);
    expect(STAFF_MAX_MS).toBe(12 * 60 * MINUTE);
  });

  it('signs out after 30 minutes with no staff call, and not a moment before', async () => {
    station = staffStation();
    await station.signIn();
    vi.advanceTimersByTime(30 * MINUTE - 1);
    expect(station.core.session().kind).toBe('staff');
    vi.advanceTimersByTime(1);
    expect(station.core.session()).toEqual({ kind: 'idle' });
    expect(station.core.actingStaffId()).toBeNull();
    expect(station.logs).toContain('staff session ended: idle');
  });

  it('each staff call starts the idle clock again', async () => {
    station = staffStation();
    await station.signIn();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(25 * MINUTE);
      await station.call('staff.touch', {});
    }
    expect(station.core.session().kind).toBe('staff');
    vi.advanceTimersByTime(30 * MINUTE);
    expect(station.core.session().kind).toBe('idle');
  });

  it('signs out after 12 hours however busy the console is, ending an assisted elder too', async () => {
    station = staffStation();
    await station.signIn();
    await station.call('staff.assist', { elderId: 'nx-0001' });
    expect(station.core.currentElder()?.id).toBe('nx-0001');
    const step = 20 * MINUTE;
    let elapsed = 0;
    while (elapsed + step < 12 * 60 * MINUTE) {
      vi.advanceTimersByTime(step);
      elapsed += step;
      await station.call('staff.touch', {});
    }
    expect(station.core.session().kind).toBe('staff');
    vi.advanceTimersByTime(12 * 60 * MINUTE - elapsed);
    expect(station.core.session()).toEqual({ kind: 'idle' });
    expect(station.core.currentElder()).toBeNull();
    expect(station.logs).toContain('staff session ended: max-length');
  });

  it('a clock from an ended session never ends the next one', async () => {
    station = staffStation();
    await station.signIn();
    vi.advanceTimersByTime(20 * MINUTE);
    await station.call('staff.signOut', {});
    await station.signIn(STAFF);
    vi.advanceTimersByTime(20 * MINUTE);
    expect(station.core.session().kind).toBe('staff');
    vi.advanceTimersByTime(10 * MINUTE);
    expect(station.core.session().kind).toBe('idle');
  });

  it('an elder card tapped meanwhile stops the staff clocks', async () => {
    station = staffStation();
    await station.signIn();
    await station.call('staff.signOut', {});
    station.core.cardTapped('0A1B2C3D4E', 'test');
    // She keeps using the kiosk (the page's taps reach the core) past the staff idle clock.
    for (let m = 0; m < 31; m++) {
      vi.advanceTimersByTime(MINUTE);
      station.core.callReceived('session.touch');
    }
    expect(station.core.session().kind).toBe('elder');
    expect(station.logs.filter((l) => l.startsWith('staff session ended'))).toEqual([]);
  });

  it('the timer alone: touch before start does nothing, stop clears both clocks', () => {
    const expired: string[] = [];
    const timer = new StaffSessionTimer((why) => expired.push(why), 1000, 5000);
    timer.touch();
    vi.advanceTimersByTime(10_000);
    expect(expired).toEqual([]);
    timer.start();
    expect(timer.running).toBe(true);
    timer.stop();
    vi.advanceTimersByTime(10_000);
    expect(expired).toEqual([]);
    timer.start();
    vi.advanceTimersByTime(1000);
    expect(expired).toEqual(['idle']);
    expect(timer.running).toBe(false);
  });
});
