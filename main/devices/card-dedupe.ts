/**
 * "The same card within 1.5 s counts once" (issue 3). The window slides: a card left lying on a
 * reader that repeats its UID every few hundred ms counts once, not once every 1.5 s. It is keyed
 * by UID alone, so a card seen by two readers at once also counts once.
 */
export class CardDedupe {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly windowMs = 1500) {}

  /** True when this sighting is a new tap; records the sighting either way. */
  accept(uid: string, now: number): boolean {
    const last = this.lastSeen.get(uid);
    this.lastSeen.set(uid, now);
    this.prune(now);
    return last === undefined || now - last >= this.windowMs;
  }

  private prune(now: number): void {
    if (this.lastSeen.size < 64) return;
    for (const [uid, t] of this.lastSeen) if (now - t >= this.windowMs) this.lastSeen.delete(uid);
  }
}
