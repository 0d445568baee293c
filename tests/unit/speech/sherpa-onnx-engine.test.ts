import { describe, expect, it } from 'vitest';
import {
  createSherpaOnnxEngine,
  type SherpaOnnxModule,
} from '../../../main/speech/sherpa-onnx-engine';
import { parseWav } from '../../../main/speech/wav';

// No sherpa-onnx model can be downloaded here: this checks the adapter against a stand-in module
// (what it passes in, what it makes of the samples), not real synthesis.
describe('sherpa-onnx adapter (stand-in module, no model)', () => {
  it('builds the VITS config once, passes text, speaker and speed, and wraps samples as WAV', async () => {
    const seen: unknown[] = [];
    let constructed = 0;
    const standIn: SherpaOnnxModule = {
      OfflineTts: class {
        constructor(config: unknown) {
          constructed += 1;
          seen.push(config);
        }
        generate(request: { text: string; sid: number; speed: number }) {
          seen.push(request);
          return { samples: new Float32Array(8000).fill(0.1), sampleRate: 16_000 };
        }
      },
    };
    const engine = createSherpaOnnxEngine(
      {
        locales: ['zh-CN'],
        vits: { model: '/m/model.onnx', tokens: '/m/tokens.txt' },
        speakerId: 3,
      },
      async () => standIn,
    );
    expect(engine.voiceFor('yue')).toBeNull();
    expect(await engine.synthesize({ text: '您好', voiceLocale: 'yue', rate: 1 })).toBeNull();
    const a = await engine.synthesize({ text: '您好', voiceLocale: 'zh-CN', rate: 0.8 });
    await engine.synthesize({ text: '请刷卡', voiceLocale: 'zh-CN', rate: 1 });
    expect(constructed).toBe(1);
    expect(seen[0]).toMatchObject({ model: { vits: { model: '/m/model.onnx' }, provider: 'cpu' } });
    expect(seen[1]).toEqual({ text: '您好', sid: 3, speed: 0.8 });
    expect(a?.engine).toBe('sherpa-onnx');
    expect(parseWav(a?.wav ?? Buffer.alloc(0)).durationSeconds).toBeCloseTo(0.5);
  });

  it('without the sherpa-onnx-node package the engine fails, and the chain moves on', async () => {
    const engine = createSherpaOnnxEngine({
      locales: ['zh-CN'],
      vits: { model: 'm', tokens: 't' },
    });
    await expect(
      engine.synthesize({ text: '您好', voiceLocale: 'zh-CN', rate: 1 }),
    ).rejects.toThrow();
  });
});
