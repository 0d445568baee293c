/**
 * The difference between the platform's clock and this device's, learned from each reply's Date
 * header. Station clocks drift or are set wrong by days; signatures carry the corrected time so a
 * wrong clock never stops sync. The device's own clock is left alone (deviceTime stays honest).
 */
export class ClockOffset {
  private offsetMs = 0;

  constructor(private readonly localNow: () => number = Date.now) {}

  /** The platform's time as best known. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /** The device's own clock, uncorrected. */
  local(): number {
    return this.localNow();
  }

  get ms(): number {
    return this.offsetMs;
  }

  /**
   * Learns from a Date header read between sentAt and receivedAt (local clock). The header has
   * one-second resolution, so differences under two seconds are ignored rather than chased.
   */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): boolean {
    if (!dateHeader) return false;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return false;
    const next = server + 500 - (sentAt + receivedAt) / 2;
    if (Math.abs(next - this.offsetMs) < 2000) return false;
    this.offsetMs = Math.round(next);
    return true;
  }
}
