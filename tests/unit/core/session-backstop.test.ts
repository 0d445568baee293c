import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../contract/views';
import {
  BACKSTOP_SLACK_SECONDS,
  heardByCore,
  isPassiveCall,
} from '../../../main/core/session-backstop';
import { demoStation } from '../../support/station';

// Issue 8 item 9, the core's side: an elder session ends after sessionIdleSeconds (60 s on the
// demo station) plus the slack with no call from the page, even when no page is left to end it.
// Fake timers; the station is the real in-memory demo station with its real dispatcher.
const SECOND = 1000;
const LIMIT = (60 + BACKSTOP_SLACK_SECONDS) * SECOND;
const ZHANG = '0A1B2C3D4E';
const STAFF_CARD = '5A000001';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function station() {
  const s = demoStation();
  const call = heardByCore(s.core, s.dispatch);
  return { ...s, call };
}

describe('the core’s idle backstop (fake timers)', () => {
  it('ends an elder session 60 s + slack after the last call, not a moment before, and logs why', () => {
    const { core, log } = station();
    core.cardTapped(ZHANG, 'test');
    vi.advanceTimersByTime(LIMIT - 1);
    expect(core.session().kind).toBe('elder');
    vi.advanceTimersByTime(1);
    expect(core.session()).toEqual({ kind: 'idle' });
    expect(core.currentElder()).toBeNull();
    expect(log).toContain(`session ended by the core: no call from the page for ${LIMIT / 1000} s`);
    // Nothing of hers in the log line.
    expect(log.join('\n')).not.toContain('张桂英');
  });

  it('every call the page makes for someone at the kiosk starts it again', async () => {
    const { core, call } = station();
    core.cardTapped(ZHANG, 'test');
    for (const name of ['session.touch', 'meals.menu', 'benefits.list', 'session.touch']) {
      vi.advanceTimersByTime(LIMIT - SECOND);
      const r = await call(name, {});
      expect(r.ok, name).toBe(true);
      expect(core.session().kind).toBe('elder');
    }
    vi.advanceTimersByTime(LIMIT);
    expect(core.session().kind).toBe('idle');
  });

  it('a page that only reads the session (a restarted Chromium) does not keep her session alive', async () => {
    const { core, call } = station();
    core.cardTapped(ZHANG, 'test');
    vi.advanceTimersByTime(LIMIT - SECOND);
    for (const name of ['session.current', 'station.info']) {
      const r = await call(name, {});
      expect(r.ok, name).toBe(true);
    }
    expect(isPassiveCall('speech.say')).toBe(true);
    expect(isPassiveCall('session.touch')).toBe(false);
    vi.advanceTimersByTime(SECOND);
    expect(core.session().kind).toBe('idle');
    // The next page to load reads 请刷卡 (idle), not her home screen.
    const after = await call('session.current', {});
    expect(after).toEqual({ ok: true, value: { kind: 'idle' } });
  });

  it('a new card starts a new clock, and the old clock never ends the new session', () => {
    const { core } = station();
    core.cardTapped(ZHANG, 'test');
    vi.advanceTimersByTime(LIMIT - 10 * SECOND);
    const second = core.cardTapped('04A1B2C3', 'test');
    vi.advanceTimersByTime(LIMIT - SECOND);
    expect(core.session()).toBe(second);
    vi.advanceTimersByTime(SECOND);
    expect(core.session().kind).toBe('idle');
  });

  it('a refused card and a staff PIN screen left alone also go back to 请刷卡', () => {
    const { core } = station();
    core.cardTapped('FFFFFFFF', 'test');
    expect(core.session().kind).toBe('card-refused');
    vi.advanceTimersByTime((10 + BACKSTOP_SLACK_SECONDS) * SECOND);
    expect(core.session().kind).toBe('idle');
    core.cardTapped(STAFF_CARD, 'test');
    expect(core.session().kind).toBe('staff-pin');
    vi.advanceTimersByTime(LIMIT);
    expect(core.session().kind).toBe('idle');
  });

  it('leaves idle and the staff console alone (the console has its own 30-minute clock)', async () => {
    const { core, call } = station();
    const seen: SessionState['kind'][] = [];
    core.events.on('session', (s) => seen.push(s.kind));
    vi.advanceTimersByTime(10 * LIMIT);
    expect(seen).toEqual([]);
    core.cardTapped(STAFF_CARD, 'test');
    expect((await call('staff.pin', { pin: '123456' })).ok).toBe(true);
    expect(core.session().kind).toBe('staff');
    vi.advanceTimersByTime(10 * LIMIT);
    expect(core.session().kind).toBe('staff');
  });

  it('has more slack than the page’s touch reports are apart', async () => {
    // The renderer is outside this TypeScript project: loaded by path.
    const page = new URL('../../../renderer/session/elder-idle-clock.ts', import.meta.url);
    const { PAGE_TOUCH_EVERY_MS } = (await import(/* @vite-ignore */ page.pathname)) as {
      PAGE_TOUCH_EVERY_MS: number;
    };
    expect(BACKSTOP_SLACK_SECONDS * SECOND).toBeGreaterThan(PAGE_TOUCH_EVERY_MS);
  });
});
