import { describe, expect, it } from 'vitest';
import { createEspeakEngine } from '../../../main/speech/espeak-engine';
import { toPinyin } from '../../../main/speech/pinyin-text';
import { parseWav } from '../../../main/speech/wav';

// Runs the real espeak-ng (Debian package) as a separate process.
describe('espeak-ng engine', () => {
  const engine = createEspeakEngine();

  it('feeds Mandarin to the pinyin voice with tone numbers', () => {
    expect(toPinyin('您好，王阿姨。')).toBe('nin2 hao3, wang2 a1 yi2.');
    expect(toPinyin('好吗')).toBe('hao3 ma5');
  });

  it.each([
    ['zh-CN', '王阿姨，您好！请刷卡。', 'cmn-latn-pinyin'],
    ['yue', '陈伯，你好！请拍卡。', 'yue'],
  ])('%s: a WAV of sane duration', async (voiceLocale, text, voice) => {
    const audio = await engine.synthesize({ text, voiceLocale, rate: 1 });
    expect(audio?.voice).toBe(voice);
    const info = parseWav(audio?.wav ?? Buffer.alloc(0));
    expect(info.channels).toBe(1);
    expect(info.sampleRate).toBe(22_050);
    expect(info.durationSeconds).toBeGreaterThan(0.3);
    expect(info.durationSeconds).toBeLessThan(10);
    // The header was repaired: its sizes match the bytes (espeak-ng's --stdout leaves them at 2 GB).
    expect(audio?.wav.readUInt32LE(4)).toBe((audio?.wav.length ?? 0) - 8);
  });

  it('a slower rate makes a longer line', async () => {
    const text = '今天的午饭是红烧肉。';
    const normal = await engine.synthesize({ text, voiceLocale: 'zh-CN', rate: 1 });
    const slow = await engine.synthesize({ text, voiceLocale: 'zh-CN', rate: 0.6 });
    expect(parseWav(slow?.wav ?? Buffer.alloc(0)).durationSeconds).toBeGreaterThan(
      parseWav(normal?.wav ?? Buffer.alloc(0)).durationSeconds * 1.3,
    );
  });

  it('has no voice for Wu: the chain falls back to Mandarin text', async () => {
    expect(engine.voiceFor('wuu')).toBeNull();
    expect(await engine.synthesize({ text: '侬好', voiceLocale: 'wuu', rate: 1 })).toBeNull();
  });

  it('a missing program is an error the chain can catch', async () => {
    const broken = createEspeakEngine({ command: '/nonexistent/espeak-ng' });
    await expect(
      broken.synthesize({ text: '您好', voiceLocale: 'zh-CN', rate: 1 }),
    ).rejects.toThrow();
  });
});

describe('names in Mandarin lines', () => {
  it('read the first character of a name as a surname', () => {
    expect(toPinyin('曾阿姨，您好！', ['曾阿姨'])).toBe('zeng1 a1 yi2, nin2 hao3.');
    expect(toPinyin('单大爷，您好', ['单大爷'])).toMatch(/^shan4 /);
    // without the hint, 曾 is read céng as in 曾经
    expect(toPinyin('曾阿姨')).toMatch(/^ceng2 /);
  });
});
