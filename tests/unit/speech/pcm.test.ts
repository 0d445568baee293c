import { describe, expect, it } from 'vitest';
import { pcm16ToFloat } from '../../../main/voice-commands/sherpa-recognizer';

// Renderer code, loaded by path (the core's TypeScript project may not import renderer files).
const pcmModule = '../../../renderer/speech/pcm';
const { floatToPcm16Base64 } = (await import(/* @vite-ignore */ pcmModule)) as {
  floatToPcm16Base64: (samples: Float32Array) => string;
};

describe('renderer PCM encoding for voice.recognize', () => {
  it('round-trips through the core decoder', () => {
    const samples = new Float32Array(70_000).map((_, i) => Math.sin(i / 10) * 0.8);
    const back = pcm16ToFloat(Buffer.from(floatToPcm16Base64(samples), 'base64'));
    expect(back.length).toBe(samples.length);
    expect(Math.max(...back.map((v, i) => Math.abs(v - (samples[i] ?? 0))))).toBeLessThan(1e-4);
  });
});
