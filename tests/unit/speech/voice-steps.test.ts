import { describe, expect, it } from 'vitest';
import { sniffAudio } from '../../../main/speech/clip-audio';

// Renderer code, loaded by path (the core's TypeScript project may not import renderer files).
const stepsModule = '../../../renderer/speech/voice-steps';
const { RATE_STEPS, step, VOLUME_STEPS, volumeBars } = (await import(
  /* @vite-ignore */ stepsModule
)) as {
  RATE_STEPS: readonly number[];
  VOLUME_STEPS: readonly number[];
  step: (steps: readonly number[], value: number, dir: 1 | -1) => number | null;
  volumeBars: (volume: number) => number;
};

describe('on-screen voice steps', () => {
  it('moves one step from wherever the elder prefs put the voice, and stops at the ends', () => {
    expect(step(VOLUME_STEPS, 0.9, 1)).toBe(1);
    expect(step(VOLUME_STEPS, 0.9, -1)).toBe(0.8);
    expect(step(VOLUME_STEPS, 1, 1)).toBeNull();
    expect(step(VOLUME_STEPS, 0.2, -1)).toBeNull();
    expect(step(RATE_STEPS, 0.8, -1)).toBe(0.6);
    expect(step(RATE_STEPS, 1, 1)).toBe(1.2);
    expect(step(RATE_STEPS, 1.4, 1)).toBeNull();
  });
  it('shows volume as the bars it reaches', () => {
    expect([0.1, 0.2, 0.9, 1].map(volumeBars)).toEqual([1, 1, 4, 5]);
  });
});

describe('clip audio sniffing', () => {
  it('knows WebM, Ogg and WAV by their first bytes, and nothing else', () => {
    expect(sniffAudio(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0]))).toBe('audio/webm');
    expect(sniffAudio(Buffer.from('OggS\0\0\0\0'))).toBe('audio/ogg');
    expect(sniffAudio(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBe('audio/wav');
    expect(sniffAudio(Buffer.from('{"kind":"x"}'))).toBeNull();
    expect(sniffAudio(Buffer.alloc(0))).toBeNull();
  });
});
