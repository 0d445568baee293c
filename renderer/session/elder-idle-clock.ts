/** When the spoken warning comes: 15 s before the end (45 s of 60), never before half-way. */
export function warningAfterSeconds(idleSeconds: number): number {
  return Math.max(idleSeconds / 2, idleSeconds - 15);
}

/**
 * How often at most the page tells the core that someone touched the screen (`session.touch`).
 * The core's backstop waits `BACKSTOP_SLACK_SECONDS` (main/core/session-backstop.ts) longer than
 * the page, which must stay above this.
 */
export const PAGE_TOUCH_EVERY_MS = 5000;

export interface ElderIdleClockEvents {
  /** the warning (spoken, with its big 继续) is due */
  warn(): void;
  /** a touch took the warning away */
  calm(): void;
  /** nobody touched the screen for the whole time: end the session */
  end(): void;
  /** a touch, reported at most every PAGE_TOUCH_EVERY_MS (the core's backstop hears of it) */
  activity?(): void;
}

/**
 * The elder session's idle clock on the page, apart from React so that it can be tested with fake
 * timers: after `warningAfterSeconds` the warning, after `idleSeconds` the end; a touch (any tap,
 * 继续 among them) starts both again. Plain setTimeout.
 */
export class ElderIdleClock {
  private warnTimer: ReturnType<typeof setTimeout> | undefined;
  private endTimer: ReturnType<typeof setTimeout> | undefined;
  private warned = false;
  private lastReport = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly idleSeconds: number,
    private readonly on: ElderIdleClockEvents,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The session began: the clock runs from now. */
  start(): void {
    this.restart();
  }

  /** Someone touched the screen. */
  touch(): void {
    this.restart();
    const at = this.now();
    if (at - this.lastReport >= PAGE_TOUCH_EVERY_MS) {
      this.lastReport = at;
      this.on.activity?.();
    }
  }

  stop(): void {
    clearTimeout(this.warnTimer);
    clearTimeout(this.endTimer);
    this.warnTimer = undefined;
    this.endTimer = undefined;
  }

  private restart(): void {
    this.stop();
    if (this.warned) {
      this.warned = false;
      this.on.calm();
    }
    this.warnTimer = setTimeout(
      () => {
        this.warned = true;
        this.on.warn();
      },
      warningAfterSeconds(this.idleSeconds) * 1000,
    );
    this.endTimer = setTimeout(() => {
      this.stop();
      if (this.warned) {
        this.warned = false;
        this.on.calm();
      }
      this.on.end();
    }, this.idleSeconds * 1000);
  }
}
