/**
 * Synthesized audio kept by (engine, voice, text, rate): the same prompts recur all day (请刷卡,
 * 您好), and 再听一遍 must not run the engine again. Least recently used entries go first.
 */
export class TtsCache {
  private readonly entries = new Map<string, Buffer>();

  constructor(private readonly maxEntries = 300) {}

  static key(engine: string, voice: string, text: string, rate: number): string {
    return JSON.stringify([engine, voice, text, Math.round(rate * 100) / 100]);
  }

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, wav: Buffer): void {
    this.entries.delete(key);
    this.entries.set(key, wav);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
