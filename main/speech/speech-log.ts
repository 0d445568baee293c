import type { SpeechLogEntry } from '../../contract/calls/speech-calls';

/**
 * The recent spoken lines and the engine of each: what the e2e test reads through 'speech.log',
 * and what staff look at when a station says "the kiosk speaks Mandarin, not our dialect".
 */
export class SpeechLog {
  private readonly entries: SpeechLogEntry[] = [];

  constructor(
    private readonly capacity = 200,
    private readonly onEntry: (entry: SpeechLogEntry) => void = () => undefined,
  ) {}

  add(entry: SpeechLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
    this.onEntry(entry);
  }

  recent(limit = 50): SpeechLogEntry[] {
    return this.entries.slice(-limit);
  }
}
