import type { SessionState } from '../../contract/views';
import type { KioskConfig } from '../config/config-schema';
import type { Dispatch } from '../api/dispatch';

/**
 * How much longer than the page's own clock the core waits. The page ends an idle elder session
 * itself at `sessionIdleSeconds`; it tells the core of taps at most every `PAGE_TOUCH_EVERY_MS`
 * (renderer/session/elder-idle-clock.ts), so the core's clock may have started up to that much
 * earlier than the page's. The slack covers that and a slow reply, so while the page lives the
 * core never ends a session the page would have kept.
 */
export const BACKSTOP_SLACK_SECONDS = 10;

/**
 * Calls the page makes by itself, not because someone touched it: a (re)loaded page reading the
 * session and station, the lines every screen speaks as it appears, status polls. They are no
 * sign that anyone is at the kiosk, so they never keep a session alive (a page restarted after a
 * crash reads `session.current` first: that alone must not keep the last elder's home screen up).
 */
const PASSIVE_CALLS: ReadonlySet<string> = new Set([
  'station.info',
  'session.current',
  'speech.say',
  'speech.log',
  'devices.status',
  'voice.status',
]);

export const isPassiveCall = (name: string): boolean => PASSIVE_CALLS.has(name);

/**
 * How long the core lets each session state sit without a call before ending it; null for states
 * with no limit here (idle, and the staff console, whose own clocks run in main/staff).
 */
export function backstopLimitMs(
  state: SessionState,
  timeouts: KioskConfig['timeouts'],
): number | null {
  const slackMs = BACKSTOP_SLACK_SECONDS * 1000;
  switch (state.kind) {
    case 'elder':
    case 'staff-pin': // the PIN screen times out on the page after sessionIdleSeconds too
      return timeouts.sessionIdleSeconds * 1000 + slackMs;
    case 'card-refused':
      return timeouts.messageSeconds * 1000 + slackMs;
    default:
      return null;
  }
}

/**
 * The core's idle clock for the sessions the page is meant to end (issue 8, item 9). The page's
 * clock is the one elders see (a spoken warning, 继续); this one is for a page that can no longer
 * end anything — Chromium crashed, hung or was closed — so that the next page to load, however
 * much later, shows 请刷卡 and not the last elder's home screen. Plain setTimeout, so tests drive
 * it with fake timers.
 */
export class SessionBackstop {
  private timer: NodeJS.Timeout | null = null;
  private limitMs: number | null = null;

  constructor(private readonly onExpire: (limitMs: number) => void) {}

  get armed(): boolean {
    return this.timer !== null;
  }

  /** A new session state: its limit from now on, or none (null). */
  arm(limitMs: number | null): void {
    this.limitMs = limitMs;
    this.touch();
  }

  /** Someone used the kiosk: the clock starts again (nothing happens when none is armed). */
  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const limit = this.limitMs;
    if (limit === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.limitMs = null;
      this.onExpire(limit);
    }, limit);
    this.timer.unref?.();
  }

  stop(): void {
    this.arm(null);
  }
}

/**
 * The station's dispatcher with every call told to the core first (KioskCore.callReceived), so
 * the backstop hears whatever the page does, through Electron's IPC and the browser host alike.
 */
export function heardByCore(
  core: { callReceived(name: string): void },
  dispatch: Dispatch,
): Dispatch {
  return (name, payload) => {
    core.callReceived(name);
    return dispatch(name, payload);
  };
}
