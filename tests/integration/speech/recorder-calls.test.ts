import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallName, CallPayload, CallValue } from '../../../contract/kiosk-api';
import { createDispatch, type Dispatch } from '../../../main/api/dispatch';
import { stationHandlers } from '../../../main/boot/station-handlers';
import { stationPack } from '../../../main/boot/station-pack';
import { stationDevices } from '../../../main/boot/station-devices';
import { defaultConfig } from '../../../main/config/load-config';
import { KioskCore } from '../../../main/core/kiosk-core';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { createSpeech } from '../../../main/speech/create-speech';
import { openStationDatabase } from '../../../main/store/open-database';
import { projectRoot } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';
import { writeTone } from '../../unit/speech/generated-pack';

const STAFF = { uid: '5A000001', pin: '123456' };
const ELDER_CARD = 'E2000001';

/**
 * The staff recorder's calls through the station's real handler table and dispatcher, on a real
 * SQLite file and a real data dir: clips land in <data dir>/voice-packs and speech.say uses them.
 * The "recordings" are sox-generated sine tones, named as such, not speech.
 */
function station() {
  const temp = makeTempDir('yiyang-recorder-');
  const db = openStationDatabase(join(temp.dir, 'station.db'));
  seedDemoStation(db, '2026-11-23');
  const core = new KioskCore({ db, config: defaultConfig, log: () => undefined });
  const speech = createSpeech({
    localesDir: join(projectRoot, 'locales'),
    dataDir: temp.dir,
    defaultLocale: 'zh-CN',
  });
  const devices = stationDevices(core, [], true);
  const dispatch: Dispatch = createDispatch(
    stationHandlers({ core, pack: stationPack('nanxun-2023'), speech, devices }),
  );
  const call = async <N extends CallName>(n: N, p: CallPayload<N>): Promise<CallValue<N>> => {
    const r = await dispatch(n, p);
    if (!r.ok) throw new Error(`${n}: ${r.error.code} ${r.error.message}`);
    return r.value as CallValue<N>;
  };
  const refused = async (n: CallName, p: unknown): Promise<string> => {
    const r = await dispatch(n, p);
    if (r.ok) throw new Error(`${n} was expected to be refused`);
    return `${r.error.code} ${r.error.message}`;
  };
  const signIn = async (): Promise<void> => {
    core.cardTapped(STAFF.uid, 'test');
    await call('staff.pin', { pin: STAFF.pin });
  };
  const tone = (): string => {
    const file = join(temp.dir, `tone-${Math.random().toString(36).slice(2)}.wav`);
    writeTone(file); // a generated test tone standing in for a recording
    return readFileSync(file).toString('base64');
  };
  const close = (): void => {
    db.close();
    temp.remove();
  };
  return { dir: temp.dir, core, call, refused, signIn, tone, close };
}

let current: ReturnType<typeof station> | null = null;
const open = () => (current = station());
afterEach(() => {
  current?.close();
  current = null;
});

describe('staff recorder calls', () => {
  it('refuses every recorder call without a staff session, also while an elder is in session', async () => {
    const s = open();
    const audio = s.tone();
    for (const [name, payload] of [
      ['recorder.prompts', { locale: 'wuu' }],
      ['recorder.saveClip', { locale: 'wuu', key: 'idle.spoken', mime: 'audio/wav', audio }],
      ['recorder.exportPack', { locale: 'wuu' }],
      ['recorder.importPack', { content: '{}' }],
    ] as const) {
      expect(await s.refused(name, payload)).toMatch(/^refused .*staff member signed in/);
      s.core.cardTapped(ELDER_CARD, 'test');
      expect(await s.refused(name, payload)).toMatch(/^refused /);
      s.core.endSession();
    }
    expect(existsSync(join(s.dir, 'voice-packs'))).toBe(false);
  });

  it('lists prompt keys with their text and coverage; saves a clip that speech.say then plays', async () => {
    const s = open();
    await s.signIn();
    const before = await s.call('recorder.prompts', { locale: 'wuu' });
    expect(before.locales).toEqual(expect.arrayContaining(['zh-CN', 'wuu', 'yue', 'zh-x-henan']));
    const idle = before.prompts.find((p) => p.key === 'idle.spoken');
    expect(idle?.text).toContain('侬');
    expect(idle?.pieces).toEqual([{ text: idle?.text, recorded: false }]);
    expect(before.prompts.find((p) => p.key.startsWith('staff:'))).toBeUndefined();
    expect(before.prompts.find((p) => p.key === 'ordering:spoken.menu')).toBeDefined();

    expect((await s.call('speech.say', { key: 'idle.spoken', locale: 'wuu' })).engine).not.toBe(
      'clip',
    );
    const saved = await s.call('recorder.saveClip', {
      locale: 'wuu',
      key: 'idle.spoken',
      mime: 'audio/wav',
      audio: s.tone(),
    });
    expect(saved.pieces[0]?.recorded).toBe(true);
    const clip = join(s.dir, 'voice-packs', 'wuu', 'prompts', 'idle.spoken.0.wav');
    expect(existsSync(clip)).toBe(true);
    const manifest = JSON.parse(
      readFileSync(join(s.dir, 'voice-packs', 'wuu', 'manifest.json'), 'utf8'),
    ) as { prompts: Record<string, unknown> };
    expect(manifest.prompts['idle.spoken']).toBe('prompts/idle.spoken.0.wav');

    const line = await s.call('speech.say', { key: 'idle.spoken', locale: 'wuu' });
    expect(line.engine).toBe('clip');
    expect(line.segments[0]?.src).toMatch(/^data:audio\/wav;base64,/);
    // Only that locale has the clip: Mandarin still goes to TTS.
    expect((await s.call('speech.say', { key: 'idle.spoken', locale: 'zh-CN' })).engine).not.toBe(
      'clip',
    );
    const listed = await s.call('recorder.prompts', { locale: 'wuu' });
    expect(listed.prompts.find((p) => p.key === 'idle.spoken')?.pieces[0]?.recorded).toBe(true);
  });

  it('refuses a bad clip with a specific error and writes nothing', async () => {
    const s = open();
    await s.signIn();
    const audio = s.tone();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ locale: 'wuu', key: 'no.such.key', mime: 'audio/wav', audio }, /not-found no prompt key/],
      [{ locale: 'xx-nope', key: 'idle.spoken', mime: 'audio/wav', audio }, /unknown locale/],
      [{ locale: 'wuu', key: 'staff:console.exit', mime: 'audio/wav', audio }, /no prompt key/],
      [{ locale: 'wuu', key: 'idle.spoken', mime: 'video/mp4', audio }, /bad-request/],
      [{ locale: 'wuu', key: 'idle.spoken', mime: 'audio/webm', audio }, /not audio\/webm audio/],
      [
        {
          locale: 'wuu',
          key: 'idle.spoken',
          mime: 'audio/wav',
          audio: Buffer.from('hello').toString('base64'),
        },
        /not audio\/wav audio .*no audio format/,
      ],
      [{ locale: 'wuu', key: 'idle.spoken', index: 3, mime: 'audio/wav', audio }, /piece 3/],
      [
        { locale: 'wuu', key: 'idle.spoken', mime: 'audio/wav', audio: 'A'.repeat(3_000_000) },
        /bad-request/,
      ],
    ];
    for (const [payload, why] of cases)
      expect(await s.refused('recorder.saveClip', payload)).toMatch(why);
    expect(existsSync(join(s.dir, 'voice-packs'))).toBe(false);
  });

  it('accepts MediaRecorder mime types with codec parameters', async () => {
    const s = open();
    await s.signIn();
    // A WebM file's first bytes (an EBML header) and a little more: enough for the type check.
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(64, 1)]);
    const saved = await s.call('recorder.saveClip', {
      locale: 'yue',
      key: 'home.meals',
      mime: 'audio/webm;codecs=opus',
      audio: webm.toString('base64'),
    });
    expect(saved.pieces).toEqual([{ text: expect.any(String), recorded: true }]);
    expect(existsSync(join(s.dir, 'voice-packs', 'yue', 'prompts', 'home.meals.0.webm'))).toBe(
      true,
    );
  });

  it('exports a pack and imports it at another station; speech.say there plays the clip', async () => {
    const a = open();
    await a.signIn();
    await a.call('recorder.saveClip', {
      locale: 'zh-x-henan',
      key: 'idle.spoken',
      mime: 'audio/wav',
      audio: a.tone(),
    });
    // greeting.spoken has one piece around {{name}}; ordering:spoken.menu several, half recorded.
    const menu = (await a.call('recorder.prompts', { locale: 'zh-x-henan' })).prompts.find(
      (p) => p.key === 'ordering:spoken.menu',
    );
    expect(menu?.pieces.length ?? 0).toBeGreaterThan(1);
    await a.call('recorder.saveClip', {
      locale: 'zh-x-henan',
      key: 'ordering:spoken.menu',
      index: 0,
      mime: 'audio/wav',
      audio: a.tone(),
    });
    const exported = await a.call('recorder.exportPack', { locale: 'zh-x-henan' });
    expect(exported.filename).toMatch(/^yiyang-voice-pack-zh-x-henan-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.clips).toBe(1);
    expect(exported.skipped).toEqual(['ordering:spoken.menu']);
    const original = readFileSync(
      join(a.dir, 'voice-packs', 'zh-x-henan', 'prompts', 'idle.spoken.0.wav'),
    );
    a.close();
    current = null;

    const b = open();
    await b.signIn();
    expect(await b.call('recorder.importPack', { content: exported.content })).toEqual({
      locale: 'zh-x-henan',
      clips: 1,
    });
    const copied = join(b.dir, 'voice-packs', 'zh-x-henan', 'prompts', 'idle.spoken.0.wav');
    expect(readFileSync(copied).equals(original)).toBe(true);
    expect((await b.call('speech.say', { key: 'idle.spoken', locale: 'zh-x-henan' })).engine).toBe(
      'clip',
    );
    // and back out again: the round trip keeps the same manifest and bytes
    const again = await b.call('recorder.exportPack', { locale: 'zh-x-henan' });
    expect(JSON.parse(again.content)).toEqual(JSON.parse(exported.content));
  });

  it('refuses a bad pack file with a specific error and writes nothing', async () => {
    const s = open();
    await s.signIn();
    const tone = s.tone();
    const pack = (manifest: Record<string, unknown>, files: Record<string, string>) =>
      JSON.stringify({
        kind: 'yiyang-voice-pack',
        format: 1,
        manifest: { format: 1, prompts: {}, units: {}, ...manifest },
        files,
      });
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      [JSON.stringify({ kind: 'other' }), /not a voice pack file/],
      [pack({ locale: 'xx-nope' }, {}), /unknown locale 'xx-nope'/],
      [pack({ locale: 'wuu', units: { 'num.1': 'units/num.1.wav' } }, {}), /lacks the clips/],
      [
        pack(
          { locale: 'wuu', prompts: { 'idle.spoken': '../../escape.wav' } },
          { '../../escape.wav': tone },
        ),
        /stays inside it/,
      ],
      [
        pack(
          {
            locale: 'wuu',
            prompts: { 'idle.spoken': 'prompts/a.wav', 'home.meals': 'prompts/b.wav' },
          },
          { 'prompts/a.wav': tone, 'prompts/b.wav': Buffer.from('not audio').toString('base64') },
        ),
        /prompts\/b\.wav is not audio/,
      ],
    ];
    for (const [content, why] of cases)
      expect(await s.refused('recorder.importPack', { content })).toMatch(why);
    expect(existsSync(join(s.dir, 'voice-packs'))).toBe(false);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.wav'))).toHaveLength(1); // just the tone
  });
});

describe('voice.status', () => {
  it('says no recognition model is configured at the demo station', async () => {
    const s = open();
    expect(await s.call('voice.status', {})).toEqual({ recognition: false });
  });
});
