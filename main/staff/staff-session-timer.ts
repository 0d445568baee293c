/** A staff session ends after 30 minutes with no touch, or 12 hours after sign-in (issue 8). */
export const STAFF_IDLE_MS = 30 * 60 * 1000;
export const STAFF_MAX_MS = 12 * 60 * 60 * 1000;

export type StaffExpiry = 'idle' | 'max-length';

/**
 * The two clocks of one staff session. Plain setTimeout, so tests drive it with fake timers; the
 * 12-hour clock is never moved by a touch, so a console left busy all night still signs out.
 */
export class StaffSessionTimer {
  private idle: NodeJS.Timeout | null = null;
  private max: NodeJS.Timeout | null = null;

  constructor(
    private readonly onExpire: (why: StaffExpiry) => void,
    private readonly idleMs = STAFF_IDLE_MS,
    private readonly maxMs = STAFF_MAX_MS,
  ) {}

  get running(): boolean {
    return this.max !== null;
  }

  start(): void {
    this.stop();
    this.max = setTimeout(() => this.expire('max-length'), this.maxMs);
    this.max.unref?.();
    this.touch();
  }

  /** Any staff action: the idle clock starts again. */
  touch(): void {
    if (!this.max) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.expire('idle'), this.idleMs);
    this.idle.unref?.();
  }

  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    if (this.max) clearTimeout(this.max);
    this.idle = null;
    this.max = null;
  }

  private expire(why: StaffExpiry): void {
    this.stop();
    this.onExpire(why);
  }
}
