import { describe, expect, it } from 'vitest';
import {
  createSherpaRecognizer,
  pcm16ToFloat,
  type SherpaAsrModule,
} from '../../../main/voice-commands/sherpa-recognizer';
import { matchIntent } from '../../../main/voice-commands/match-intent';

// No recognition model can be downloaded here: this checks the adapter against a stand-in module
// (the config it builds, the samples it passes), not real recognition.
describe('sherpa-onnx recognizer adapter (stand-in module, no model)', () => {
  it('builds the model config once per kind and returns the text for the grammar', async () => {
    const configs: unknown[] = [];
    const fed: number[] = [];
    const standIn: SherpaAsrModule = {
      OfflineRecognizer: class {
        constructor(config: unknown) {
          configs.push(config);
        }
        createStream() {
          return { acceptWaveform: (w: { samples: Float32Array }) => fed.push(w.samples.length) };
        }
        decode() {}
        getResult() {
          return { text: ' 我要订饭。 ' };
        }
      },
    };
    const asr = createSherpaRecognizer(
      { kind: 'telespeech-ctc', model: '/m/model.int8.onnx', tokens: '/m/tokens.txt' },
      async () => standIn,
    );
    const text = await asr.recognize(new Float32Array(16_000), 16_000);
    await asr.recognize(new Float32Array(8000), 16_000);
    expect(text).toBe('我要订饭。');
    expect(matchIntent(text, 'zh-x-henan')).toEqual({ intent: 'meals' });
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({
      modelConfig: { telespeechCtc: '/m/model.int8.onnx', tokens: '/m/tokens.txt' },
    });
    expect(fed).toEqual([16_000, 8000]);
  });

  it('reads 16-bit PCM as float samples', () => {
    const b = Buffer.alloc(4);
    b.writeInt16LE(16_384, 0);
    b.writeInt16LE(-32_768, 2);
    expect([...pcm16ToFloat(b)]).toEqual([0.5, -1]);
  });
});
