import { join } from 'node:path';
import type { BenchFigure } from '../bench-case';
import type { ElderRecord } from '../../contract/elder';
import { createDispatch, type Dispatch } from '../../main/api/dispatch';
import { stationDevices } from '../../main/boot/station-devices';
import { stationHandlers } from '../../main/boot/station-handlers';
import { stationPack } from '../../main/boot/station-pack';
import { defaultConfig } from '../../main/config/load-config';
import { KioskCore } from '../../main/core/kiosk-core';
import { demoElders } from '../../main/demo/demo-elders';
import { seedDemoStation } from '../../main/demo/seed-demo-station';
import { upsertElders } from '../../main/roster/elder-repo';
import { createSpeech, overrideDirOf } from '../../main/speech/create-speech';
import { espeakInput, runEspeak } from '../../main/speech/espeak-engine';
import { createPromptTexts } from '../../main/speech/prompt-text';
import { unitIds } from '../../main/speech/unit-tokens';
import { openStationDatabase } from '../../main/store/open-database';
import { projectRoot } from '../../tests/support/kioskctl';
import { makeTempDir } from '../../tests/support/temp-dir';
import { writeFullPack } from '../../tests/unit/speech/generated-pack';

// Card tap → the greeting's audio ready, through the core as the kiosk runs it: the tap through
// the dispatcher (session.tapKeyboardCard, as a keyboard-wedge reader sends it), then speech.say for the
// greeting in the elder's locale, as the renderer asks on the session event. Every tap is a
// different elder, so no name is in the TTS cache. The Wu station pack holds every prompt piece
// and unit as copies of one sox-generated tone, standing in for recordings (not speech).
// Each figure is a median against a baseline measured in the same run on the same elders' lines.
const RUNS = 21;
const localesDir = join(projectRoot, 'locales');

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const surnames = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高'];
const given = ['秀英', '桂兰', '建国', '玉珍', '德明', '凤英', '金宝'];

/** Elders no one has greeted yet in this run, in one locale, with their cards. */
function newElders(prefix: string, locale: string, count: number): ElderRecord[] {
  const base = demoElders[0];
  if (!base) throw new Error('no demo elder to copy');
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    id: `${prefix}-${i}`,
    name: `${surnames[i % surnames.length]}${given[(i + prefix.length) % given.length]}`,
    cards: [`${prefix === 'wu' ? 'B1' : 'B2'}${String(i).padStart(8, '0')}`],
    prefs: { ...base.prefs, locale, speechRate: 1 },
  }));
}

async function station() {
  const temp = makeTempDir('yiyang-bench-speech-');
  const db = openStationDatabase(join(temp.dir, 'station.db'));
  seedDemoStation(db, '2026-11-23');
  const wu = newElders('wu', 'wuu', RUNS * 2);
  const mandarin = newElders('zh', 'zh-CN', RUNS * 2);
  upsertElders(db, [...wu, ...mandarin]);
  writeFullPack(overrideDirOf(temp.dir), 'wuu', createPromptTexts(localesDir), unitIds);
  const core = new KioskCore({ db, config: defaultConfig, log: () => undefined });
  const speech = createSpeech({ localesDir, dataDir: temp.dir, defaultLocale: 'zh-CN' });
  const devices = stationDevices(core, [], false);
  await devices.start(); // the keyboard-wedge reader the taps come through
  const dispatch: Dispatch = createDispatch(
    stationHandlers({ core, pack: stationPack('nanxun-2023'), speech, devices }),
  );
  const call = async (name: string, payload: object): Promise<unknown> => {
    const r = await dispatch(name, payload);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  /** a tap as a keyboard-wedge reader sends it; the core has begun her session when it returns */
  const tap = async (elder: ElderRecord): Promise<void> => {
    await call('session.tapKeyboardCard', { uid: elder.cards[0] });
    const state = core.session();
    if (state.kind !== 'elder' || state.elder.id !== elder.id)
      throw new Error(`the tap gave ${state.kind}, not her session`);
  };
  return {
    wu,
    mandarin,
    call,
    tap,
    close: async () => {
      await devices.stop();
      db.close();
      temp.remove();
    },
  };
}

type Station = Awaited<ReturnType<typeof station>>;

/** Tap → greeting ready, in ms; the engine the core used is checked, so a figure cannot lie. */
async function tapToGreeting(s: Station, elder: ElderRecord, engine: string): Promise<number> {
  const start = performance.now();
  await s.tap(elder);
  const line = (await s.call('speech.say', {
    key: 'greeting.spoken',
    params: { name: elder.name },
  })) as { engine: string };
  const ms = performance.now() - start;
  await s.call('session.end', {});
  if (line.engine !== engine) throw new Error(`expected ${engine}, the core used ${line.engine}`);
  return ms;
}

/** The baseline: the same tap, then espeak-ng run bare on `text` (no core speech at all). */
async function tapThenBareEspeak(s: Station, elder: ElderRecord, text: string): Promise<number> {
  const start = performance.now();
  await s.tap(elder);
  if (text !== '')
    await runEspeak(
      'espeak-ng',
      ['-v', 'cmn-latn-pinyin', '-s', '160'],
      espeakInput('cmn-latn-pinyin', text, [elder.name]),
      10_000,
    );
  const ms = performance.now() - start;
  await s.call('session.end', {});
  return ms;
}

/**
 * Medians of a figure and its baseline measured in turns (figure, baseline, figure, …), each on
 * its own elder, so the load of this shared machine weighs on both alike. The first pair warms up.
 */
async function paired(
  figureElders: ElderRecord[],
  baselineElders: ElderRecord[],
  figure: (elder: ElderRecord) => Promise<number>,
  baseline: (elder: ElderRecord) => Promise<number>,
): Promise<{ value: number; baseline: number }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < figureElders.length; i += 1) {
    const fe = figureElders[i];
    const be = baselineElders[i];
    if (!fe || !be) break;
    a.push(await figure(fe));
    b.push(await baseline(be));
  }
  return { value: median(a.slice(1)), baseline: median(b.slice(1)) };
}

export async function run(): Promise<BenchFigure[]> {
  const s = await station();
  try {
    const wuFirst = s.wu.slice(0, RUNS);
    const wuOther = s.wu.slice(RUNS);
    // Clip path: the Wu greeting's fixed text from the pack, the new name by espeak-ng.
    const clip = await paired(
      wuFirst,
      wuOther,
      (e) => tapToGreeting(s, e, 'espeak-ng+clip'),
      (e) => tapThenBareEspeak(s, e, e.name),
    );
    // The same Wu elders again (their names now cached, as for a regular visitor): clips only.
    // A card read again within 1.5 s counts once (a reader repeating itself), so wait that out.
    await new Promise((r) => setTimeout(r, 1600));
    const returning = await paired(
      wuFirst,
      wuOther,
      (e) => tapToGreeting(s, e, 'espeak-ng+clip'),
      (e) => tapThenBareEspeak(s, e, ''),
    );
    // TTS path: the whole Mandarin greeting by espeak-ng.
    const tts = await paired(
      s.mandarin.slice(0, RUNS),
      s.mandarin.slice(RUNS),
      (e) => tapToGreeting(s, e, 'espeak-ng'),
      (e) => tapThenBareEspeak(s, e, `${e.name}，您好！欢迎您。`),
    );
    return [
      {
        name: `card tap → greeting audio ready, clip path (Wu pack clips + a new name by espeak-ng), median of ${RUNS - 1}`,
        unit: 'ms',
        value: clip.value,
        baseline: {
          name: 'the same tap, then espeak-ng run bare on the name',
          value: clip.baseline,
        },
        goal: { maxRatio: 1.5 },
      },
      {
        name: `card tap → greeting audio ready, returning Wu elder (clips, name cached), median of ${RUNS - 1}`,
        unit: 'ms',
        value: returning.value,
        baseline: { name: 'the same tap alone, no speech', value: returning.baseline },
        goal: { maxValue: 50 },
      },
      {
        name: `card tap → greeting audio ready, TTS path (zh-CN, espeak-ng, uncached), median of ${RUNS - 1}`,
        unit: 'ms',
        value: tts.value,
        baseline: {
          name: 'the same tap, then espeak-ng run bare on the same line',
          value: tts.baseline,
        },
        goal: { maxRatio: 1.3 },
      },
    ];
  } finally {
    await s.close();
  }
}
