import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPack, importPack } from '../../../main/speech/pack-file';
import { saveOverrideClip } from '../../../main/speech/voice-pack';
import { validateVoicePack } from '../../../main/speech/voice-pack-manifest';
import { tempDir, writeTone } from './generated-pack';

describe('voice pack as one file', () => {
  it('exports a station pack and imports it at another station, merging with what is there', () => {
    const tone = join(tempDir('tone-'), 't.wav');
    writeTone(tone); // a generated test tone standing in for a recording
    const bytes = readFileSync(tone);
    const stationA = tempDir('station-a-');
    saveOverrideClip(
      stationA,
      'wuu',
      { key: 'greeting.spoken', index: 0, pieces: 1 },
      bytes,
      '.wav',
    );
    saveOverrideClip(stationA, 'wuu', { unit: 'money.yuan' }, bytes, '.wav');
    const file = JSON.parse(JSON.stringify(exportPack(stationA, 'wuu'))) as unknown;

    const stationB = tempDir('station-b-');
    saveOverrideClip(stationB, 'wuu', { unit: 'num.1' }, bytes, '.wav');
    expect(importPack(stationB, file)).toEqual({ locale: 'wuu', clips: 2 });
    const { manifest, problems } = validateVoicePack(join(stationB, 'wuu'));
    expect(problems).toEqual([]);
    expect(Object.keys(manifest?.units ?? {}).sort()).toEqual(['money.yuan', 'num.1']);
    expect(manifest?.prompts['greeting.spoken']).toBe('prompts/greeting.spoken.0.wav');
  });

  it('refuses a file that is not a pack, or lacks a clip it names', () => {
    expect(() => importPack(tempDir('x-'), { kind: 'other' })).toThrow(/not a voice pack file/);
    const lacking = {
      kind: 'yiyang-voice-pack',
      format: 1,
      manifest: { format: 1, locale: 'wuu', prompts: {}, units: { 'num.1': 'units/num.1.wav' } },
      files: {},
    };
    expect(() => importPack(tempDir('y-'), lacking)).toThrow(/lacks the clips units\/num\.1\.wav/);
  });
});
