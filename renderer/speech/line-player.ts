import type { AudioSegment } from '../../contract/calls/speech-calls';

/**
 * The part of an HTMLAudioElement the player uses, so it can be tested without a browser and
 * without the DOM library in the core's TypeScript project.
 */
export interface AudioLike {
  src: string;
  playbackRate: number;
  volume: number;
  preservesPitch?: boolean;
  // `never` parameters accept the DOM's (ev: Event) handlers without the DOM library.
  onended: ((ev: never) => unknown) | null;
  onerror: ((ev: never) => unknown) | null;
  play(): Promise<void>;
  pause(): void;
}

export type PlayOutcome = 'done' | 'interrupted' | 'failed';

/**
 * Plays one spoken line (its segments one after another) on a single audio element. Starting a new
 * line, or stop(), interrupts the one playing: an elder hears one voice at a time.
 */
export class LinePlayer {
  private cancel: (() => void) | null = null;

  constructor(private readonly audio: AudioLike) {}

  async play(segments: AudioSegment[], volume: number): Promise<PlayOutcome> {
    this.stop();
    let interrupted = false;
    const stopped = new Promise<void>((resolve) => {
      this.cancel = () => {
        interrupted = true;
        resolve();
      };
    });
    for (const segment of segments) {
      const outcome = await Promise.race([
        this.playOne(segment, volume),
        stopped.then(() => 'interrupted' as const),
      ]);
      if (interrupted || outcome === 'interrupted') return 'interrupted';
      if (outcome === 'failed') {
        this.cancel = null;
        return 'failed';
      }
    }
    this.cancel = null;
    return 'done';
  }

  stop(): void {
    this.audio.pause();
    this.audio.onended = null;
    this.audio.onerror = null;
    const cancel = this.cancel;
    this.cancel = null;
    cancel?.();
  }

  private playOne(segment: AudioSegment, volume: number): Promise<'ended' | 'failed'> {
    const audio = this.audio;
    return new Promise((resolve) => {
      audio.onended = () => resolve('ended');
      audio.onerror = () => resolve('failed');
      audio.src = segment.src;
      audio.playbackRate = segment.playbackRate;
      // A slower clip should sound slower, not lower.
      audio.preservesPitch = true;
      audio.volume = Math.min(1, Math.max(0, volume));
      // A refused play() (autoplay policy, a broken clip) ends the line; the caption still shows it.
      audio.play().catch(() => resolve('failed'));
    });
  }
}
