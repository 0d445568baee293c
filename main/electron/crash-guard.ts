/**
 * Counts renderer crashes in a sliding window. A kiosk that crashes now and then reloads to the
 * idle screen; one that keeps crashing (more than `limit` in `windowMs`) relaunches the whole app.
 */
export class CrashCounter {
  private times: number[] = [];

  constructor(
    private readonly limit = 3,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Records a crash at `now`; returns what to do about it. */
  record(now: number): 'reload' | 'relaunch' {
    this.times = [...this.times.filter((t) => now - t < this.windowMs), now];
    return this.times.length > this.limit ? 'relaunch' : 'reload';
  }
}
