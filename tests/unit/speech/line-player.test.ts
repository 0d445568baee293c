import { describe, expect, it } from 'vitest';
import type { AudioSegment } from '../../../contract/calls/speech-calls';

// The player is renderer code: the renderer's TypeScript project owns it, so the core's project
// (which type-checks tests/) may not import it statically. Loaded by path, typed by its shape here.
interface AudioLike {
  src: string;
  playbackRate: number;
  volume: number;
  preservesPitch?: boolean;
  onended: (() => void) | null;
  onerror: (() => void) | null;
  play(): Promise<void>;
  pause(): void;
}
interface Player {
  play(segments: AudioSegment[], volume: number): Promise<'done' | 'interrupted' | 'failed'>;
  stop(): void;
}
const playerModule = '../../../renderer/speech/line-player';
const { LinePlayer } = (await import(/* @vite-ignore */ playerModule)) as {
  LinePlayer: new (audio: AudioLike) => Player;
};

/** A stand-in audio element: records what it was told and ends each clip when the test says. */
class FakeAudio implements AudioLike {
  src = '';
  playbackRate = 1;
  volume = 1;
  preservesPitch = false;
  onended: (() => void) | null = null;
  onerror: (() => void) | null = null;
  played: { src: string; rate: number; volume: number }[] = [];
  paused = 0;
  refuse = false;

  play(): Promise<void> {
    if (this.refuse) return Promise.reject(new Error('NotAllowedError'));
    this.played.push({ src: this.src, rate: this.playbackRate, volume: this.volume });
    return Promise.resolve();
  }
  pause(): void {
    this.paused += 1;
  }
  end(): void {
    this.onended?.();
  }
}

const seg = (src: string, playbackRate = 1): AudioSegment => ({
  src,
  engine: 'clip',
  playbackRate,
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('LinePlayer (renderer)', () => {
  it('plays a line segment after segment at its rate and volume', async () => {
    const audio = new FakeAudio();
    const player = new LinePlayer(audio);
    const done = player.play([seg('data:a', 0.8), seg('data:b', 0.8)], 0.5);
    await tick();
    expect(audio.played).toEqual([{ src: 'data:a', rate: 0.8, volume: 0.5 }]);
    expect(audio.preservesPitch).toBe(true);
    audio.end();
    await tick();
    expect(audio.played.map((p) => p.src)).toEqual(['data:a', 'data:b']);
    audio.end();
    expect(await done).toBe('done');
  });

  it('a new line interrupts the old one', async () => {
    const audio = new FakeAudio();
    const player = new LinePlayer(audio);
    const first = player.play([seg('data:old1'), seg('data:old2')], 1);
    await tick();
    const second = player.play([seg('data:new')], 1);
    expect(await first).toBe('interrupted');
    await tick();
    audio.end();
    expect(await second).toBe('done');
    expect(audio.played.map((p) => p.src)).toEqual(['data:old1', 'data:new']);
    expect(audio.paused).toBeGreaterThan(0);
  });

  it('a refused play() ends the line as failed', async () => {
    const audio = new FakeAudio();
    audio.refuse = true;
    expect(await new LinePlayer(audio).play([seg('data:a')], 1)).toBe('failed');
  });
});
