import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpokenLine } from '../../../contract/calls/speech-calls';
import { startStation, type Station } from '../../../main/boot/start-station';
import { resolveConfig } from '../../../main/config/load-config';
import { demoElders } from '../../../main/demo/demo-elders';
import { findPersonalDataInLog } from '../../support/personal-data';
import { projectRoot } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';

// The station as the browser host and Electron start it (startStation): its config's speech.rate
// and speech.volume, and its log, which names each line's key, locale, engine and time and never
// its words. Real SQLite, real espeak-ng, the repository's locales.
let station: Station | null = null;
let temp: { dir: string; remove: () => void } | null = null;
afterEach(async () => {
  await station?.close();
  temp?.remove();
  station = null;
  temp = null;
});

function start(config: unknown): { station: Station; log: string[] } {
  temp = makeTempDir('yiyang-station-voice-');
  const log: string[] = [];
  station = startStation({
    dataDir: temp.dir,
    config: resolveConfig(config),
    demo: true,
    firstRunDemo: true,
    localesDir: join(projectRoot, 'locales'),
    log: (line) => log.push(line),
  });
  return { station, log };
}

async function say(s: Station, payload: object): Promise<SpokenLine> {
  const r = await s.dispatch('speech.say', payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as SpokenLine;
}

describe('the station’s voice', () => {
  it('lines without an elder voice use the config’s speech.rate and speech.volume', async () => {
    const { station } = start({ speech: { rate: 0.8, volume: 0.6 } });
    expect(await say(station, { key: 'idle.spoken' })).toMatchObject({ rate: 0.8, volume: 0.6 });
    // an elder's own voice, as the renderer sends it during their session, wins
    expect(await say(station, { key: 'idle.spoken', rate: 1.2, volume: 1 })).toMatchObject({
      rate: 1.2,
      volume: 1,
    });
  });

  it('without the config keys, rate 1 and volume 1', async () => {
    const { station } = start({});
    expect(await say(station, { key: 'idle.spoken' })).toMatchObject({ rate: 1, volume: 1 });
  });

  it('the station log names key, locale, engine and time of each line, and no name', async () => {
    const { station, log } = start({});
    const elder = demoElders[0];
    if (!elder) throw new Error('no demo elder');
    await say(station, { key: 'greeting.spoken', params: { name: elder.name }, locale: 'wuu' });
    await say(station, { text: elder.name });
    const lines = log.filter((l) => l.startsWith('speech: '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^speech: greeting\.spoken wuu by espeak-ng in [\d.]+ ms$/);
    expect(lines[1]).toMatch(/^speech: \(literal text\) zh-CN by espeak-ng in [\d.]+ ms$/);
    for (const line of log) expect(findPersonalDataInLog(line), line).toBeNull();
  });
});
