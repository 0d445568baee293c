import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEspeakEngine } from '../../../main/speech/espeak-engine';
import { createPromptTexts } from '../../../main/speech/prompt-text';
import { SpeechLog } from '../../../main/speech/speech-log';
import { SpeechService, UnknownPromptError } from '../../../main/speech/speech-service';
import type { TtsEngine } from '../../../main/speech/tts-engine';
import { unitIds } from '../../../main/speech/unit-tokens';
import { createVoicePacks, saveOverrideClip } from '../../../main/speech/voice-pack';
import { encodeWav } from '../../../main/speech/wav';
import { tempDir, writeJson, writeLocales, writeTone } from './generated-pack';

/** A stand-in TTS that counts its calls and can be told to fail. */
function fakeEngine(locales: string[]) {
  const calls: string[] = [];
  const names: string[][] = [];
  let broken = false;
  const engine: TtsEngine = {
    id: 'espeak-ng',
    voiceFor: (l) => (locales.includes(l) ? `fake-${l}` : null),
    async synthesize(request) {
      const { text, voiceLocale } = request;
      if (broken) throw new Error('engine broke');
      if (!locales.includes(voiceLocale)) return null;
      calls.push(`${voiceLocale}:${text}`);
      names.push(request.names ?? []);
      return {
        wav: encodeWav(new Float32Array(1600), 16_000),
        engine: 'espeak-ng',
        voice: `fake-${voiceLocale}`,
      };
    },
  };
  return { engine, calls, names, breakIt: () => (broken = true) };
}

let localesDir: string;
let overrideDir: string;

beforeEach(() => {
  const root = tempDir('speech-');
  localesDir = join(root, 'locales');
  overrideDir = join(root, 'data', 'voice-packs');
  writeLocales(localesDir, {
    'zh-CN': {
      idle: { prompt: '请刷卡' },
      greeting: { hello: '{{name}}，您好！' },
      meal: { price: '一共{{amount, money}}' },
    },
    wuu: {
      idle: { prompt: '请刷卡' },
      greeting: { hello: '{{name}}，侬好！' },
      meal: { price: '一共{{amount, money}}' },
    },
    yue: { idle: { prompt: '请拍卡' } },
  });
  // The shipped Wu pack: generated tones standing in for recordings of the fixed text and units.
  const pack = join(localesDir, 'wuu', 'voice');
  const units: Record<string, string> = {};
  for (const u of unitIds) {
    writeTone(join(pack, `units/${u}.wav`));
    units[u] = `units/${u}.wav`;
  }
  writeTone(join(pack, 'prompts/greeting.hello.0.wav'));
  writeTone(join(pack, 'prompts/meal.price.0.wav'));
  writeJson(join(pack, 'manifest.json'), {
    format: 1,
    locale: 'wuu',
    description: 'generated test tones, not speech',
    prompts: {
      'greeting.hello': 'prompts/greeting.hello.0.wav',
      'meal.price': 'prompts/meal.price.0.wav',
    },
    units,
  });
});

function service(engines: TtsEngine[]) {
  const log = new SpeechLog();
  const packs = createVoicePacks({ localesDir, overrideDir });
  const svc = new SpeechService({
    texts: createPromptTexts(localesDir),
    packs,
    engines,
    log,
    defaultLocale: 'zh-CN',
  });
  return { svc, log, packs };
}

describe('speech engine chain', () => {
  it('a Wu pack says 一百廿块 from clips alone, no TTS', async () => {
    const fake = fakeEngine(['zh-CN']);
    const { svc } = service([fake.engine]);
    const line = await svc.say({
      key: 'meal.price',
      params: { amount: 12_000 },
      locale: 'wuu',
      rate: 0.8,
    });
    expect(line.caption).toBe('一共一百廿块');
    expect(line.engine).toBe('clip');
    // the fixed text, then 一 百 廿 块
    expect(line.segments).toHaveLength(5);
    expect(
      line.segments.every(
        (s) => s.src.startsWith('data:audio/wav;base64,') && s.playbackRate === 0.8,
      ),
    ).toBe(true);
    expect(fake.calls).toEqual([]);
  });

  it('a name is said by TTS between the recorded pieces', async () => {
    const fake = fakeEngine(['zh-CN']);
    const { svc } = service([fake.engine]);
    const line = await svc.say({
      key: 'greeting.hello',
      params: { name: '王阿姨' },
      locale: 'wuu',
    });
    expect(line.caption).toBe('王阿姨，侬好！');
    expect(line.engine).toBe('espeak-ng+clip');
    expect(line.segments.map((s) => s.engine)).toEqual(['espeak-ng', 'clip']);
    expect(fake.calls).toEqual(['zh-CN:王阿姨']);
  });

  it('without a clip, a Wu line is spoken by TTS in its Mandarin text and captioned in Wu', async () => {
    const fake = fakeEngine(['zh-CN']);
    const { svc } = service([fake.engine]);
    rmPack();
    const line = await svc.say({
      key: 'greeting.hello',
      params: { name: '王阿姨' },
      locale: 'wuu',
    });
    expect(line.caption).toBe('王阿姨，侬好！');
    expect(line.engine).toBe('espeak-ng');
    expect(fake.calls).toEqual(['zh-CN:王阿姨，您好！']);
    // the TTS is told which words are a name, so 曾 is read Zēng (see pinyin-text.ts)
    expect(fake.names).toEqual([['王阿姨']]);
  });

  it('the real espeak-ng speaks Cantonese lines in the yue voice', async () => {
    const { svc, log } = service([createEspeakEngine()]);
    const line = await svc.say({ key: 'idle.prompt', locale: 'yue' });
    expect(line.caption).toBe('请拍卡');
    expect(line.engine).toBe('espeak-ng');
    expect(log.recent(1)[0]).toMatchObject({
      key: 'idle.prompt',
      locale: 'yue',
      engine: 'espeak-ng',
    });
  });

  it('caches synthesized audio by engine, voice, text and rate', async () => {
    const fake = fakeEngine(['zh-CN']);
    const { svc } = service([fake.engine]);
    await svc.say({ key: 'idle.prompt' });
    await svc.say({ key: 'idle.prompt' });
    await svc.say({ key: 'idle.prompt', rate: 0.7 });
    expect(fake.calls).toHaveLength(2);
  });

  it('when every engine fails, the line goes to the renderer speechSynthesis, logged as such', async () => {
    const fake = fakeEngine(['zh-CN']);
    fake.breakIt();
    const warnings: string[] = [];
    const log = new SpeechLog();
    const svc = new SpeechService({
      texts: createPromptTexts(localesDir),
      packs: createVoicePacks({ localesDir }),
      engines: [fake.engine],
      log,
      defaultLocale: 'zh-CN',
      warn: (w) => warnings.push(w),
    });
    const line = await svc.say({ key: 'idle.prompt', locale: 'yue', volume: 0.4 });
    expect(line).toMatchObject({
      engine: 'speechSynthesis',
      segments: [],
      fallback: { text: '请拍卡', lang: 'zh-HK' },
      volume: 0.4,
    });
    const wu = await svc.say({ key: 'idle.prompt', locale: 'wuu' });
    expect(wu.fallback).toEqual({ text: '请刷卡', lang: 'zh-CN' });
    expect(warnings).toEqual(['speech: espeak-ng failed: engine broke']); // once, not per line
    expect(log.recent().map((e) => e.engine)).toEqual(['speechSynthesis', 'speechSynthesis']);
  });

  it('a clip saved in the station override wins over the shipped pack', async () => {
    const fake = fakeEngine(['zh-CN']);
    const { svc, packs } = service([fake.engine]);
    const recorded = join(tempDir('rec-'), 'r.wav');
    writeTone(recorded);
    saveOverrideClip(overrideDir, 'wuu', { unit: 'money.yuan' }, readFileSync(recorded), '.wav');
    packs.reload();
    const line = await svc.say({ key: 'meal.price', params: { amount: 100 }, locale: 'wuu' });
    const expected = `data:audio/wav;base64,${readFileSync(recorded).toString('base64')}`;
    expect(line.segments.at(-1)?.src).toBe(expected);
    expect(packs.unit('wuu', 'money.yuan')).toBe(
      join(overrideDir, 'wuu', 'units', 'money.yuan.wav'),
    );
  });

  it('an unknown key is refused, literal text is spoken as is', async () => {
    const fake = fakeEngine(['zh-CN']);
    const { svc } = service([fake.engine]);
    await expect(svc.say({ key: 'no.such' })).rejects.toBeInstanceOf(UnknownPromptError);
    const dish = await svc.say({ text: '红烧肉{{x}}' });
    expect(dish.caption).toBe('红烧肉{{x}}');
    expect(fake.calls).toEqual(['zh-CN:红烧肉{{x}}']);
  });
});

function rmPack(): void {
  writeJson(join(localesDir, 'wuu', 'voice', 'manifest.json'), {
    format: 1,
    locale: 'wuu',
    prompts: {},
    units: {},
  });
}
