import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from '../bench-case';
import { createSpeech } from '../../main/speech/create-speech';
import { espeakInput, runEspeak } from '../../main/speech/espeak-engine';
import { unitIds } from '../../main/speech/unit-tokens';

// Request → first audio ready in the core, for the clip path (a Wu pack composing 一共一百廿块 from
// clips) and the TTS path (espeak-ng on a greeting the cache has not seen). The clips are
// sox-generated tones standing in for recordings. Each figure is a median, with its baseline
// measured in the same run: reading the same clip files bare, and espeak-ng run bare on the same text.
const repoLocales = join(dirname(fileURLToPath(import.meta.url)), '../../locales');
const RUNS = 25;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function timeIt(fn: (i: number) => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function clipFixture(): { localesDir: string; clipFiles: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'speech-bench-'));
  const localesDir = join(root, 'locales');
  const write = (file: string, value: unknown) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(value));
  };
  write(join(localesDir, 'zh-CN', 'translation.json'), {
    meal: { price: '一共{{amount, money}}' },
  });
  write(join(localesDir, 'wuu', 'translation.json'), { meal: { price: '一共{{amount, money}}' } });
  const pack = join(localesDir, 'wuu', 'voice');
  const tone = (rel: string) => {
    mkdirSync(dirname(join(pack, rel)), { recursive: true });
    execFileSync('sox', [
      '-n',
      '-r',
      '16000',
      '-c',
      '1',
      '-b',
      '16',
      join(pack, rel),
      'synth',
      '0.3',
      'sine',
      '440',
    ]);
    return rel;
  };
  const units = Object.fromEntries(unitIds.map((u) => [u, tone(`units/${u}.wav`)]));
  const prompt = tone('prompts/meal.price.0.wav');
  write(join(pack, 'manifest.json'), {
    format: 1,
    locale: 'wuu',
    prompts: { 'meal.price': prompt },
    units,
  });
  // 一共 + 一 百 廿 块: the files the clip path reads for 12000 fen
  const clipFiles = [
    prompt,
    units['num.1'],
    units['num.100'],
    units['num.20'],
    units['money.yuan'],
  ].map((r) => join(pack, r ?? ''));
  return { localesDir, clipFiles };
}

export async function run(): Promise<BenchFigure[]> {
  const { localesDir, clipFiles } = clipFixture();
  const clipSpeech = createSpeech({ localesDir, defaultLocale: 'wuu' });
  await clipSpeech.say({ key: 'meal.price', params: { amount: 12_000 } }); // load the manifest once
  const clipMs = await timeIt(() =>
    clipSpeech.say({ key: 'meal.price', params: { amount: 12_000 } }),
  );
  const bareReadMs = await timeIt(() => clipFiles.map((f) => readFileSync(f).toString('base64')));

  const ttsSpeech = createSpeech({ localesDir: repoLocales, defaultLocale: 'zh-CN' });
  const names = ['王阿姨', '李大爷', '张奶奶', '陈伯伯', '刘阿婆'];
  // A new name each run, so every request really runs espeak-ng (no cache hit).
  const nameFor = (i: number) => `${names[i % names.length]}${i}号`;
  const ttsMs = await timeIt((i) =>
    ttsSpeech.say({ key: 'greeting.spoken', params: { name: nameFor(i) } }),
  );
  const bareEspeakMs = await timeIt((i) =>
    runEspeak(
      'espeak-ng',
      ['-v', 'cmn-latn-pinyin', '-s', '160'],
      espeakInput('cmn-latn-pinyin', `${nameFor(i + RUNS)}，您好！欢迎您。`),
      10_000,
    ),
  );
  const cachedMs = await timeIt(() =>
    ttsSpeech.say({ key: 'greeting.spoken', params: { name: nameFor(0) } }),
  );

  return [
    {
      name: 'speech.say clip path (Wu pack, 一共一百廿块, 5 clips)',
      unit: 'ms',
      value: clipMs,
      baseline: { name: 'reading the same 5 clip files bare', value: bareReadMs },
      goal: { maxValue: 20 },
    },
    {
      name: 'speech.say TTS path (espeak-ng, uncached greeting)',
      unit: 'ms',
      value: ttsMs,
      baseline: { name: 'espeak-ng run bare on the same text', value: bareEspeakMs },
      goal: { maxRatio: 1.5 },
    },
    {
      name: 'speech.say TTS path, cached repeat (再听一遍)',
      unit: 'ms',
      value: cachedMs,
      baseline: { name: 'espeak-ng run bare on the same text', value: bareEspeakMs },
      goal: { maxRatio: 0.25 },
    },
  ];
}
