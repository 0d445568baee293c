import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateVoicePack } from '../../../main/speech/voice-pack-manifest';
import { tempDir, writeJson, writeTone } from './generated-pack';

describe('voice pack manifest', () => {
  it('accepts a pack whose clips all exist', () => {
    const dir = tempDir('pack-ok-');
    writeTone(join(dir, 'prompts/idle.0.wav'));
    writeTone(join(dir, 'units/num.1.wav'));
    writeJson(join(dir, 'manifest.json'), {
      format: 1,
      locale: 'wuu',
      prompts: { 'idle.prompt': 'prompts/idle.0.wav' },
      units: { 'num.1': 'units/num.1.wav' },
    });
    expect(validateVoicePack(dir).problems).toEqual([]);
  });

  it('names every missing file and the entry that wants it', () => {
    const dir = tempDir('pack-missing-');
    writeTone(join(dir, 'prompts/a.0.wav'));
    writeJson(join(dir, 'manifest.json'), {
      format: 1,
      locale: 'wuu',
      prompts: { greeting: ['prompts/a.0.wav', 'prompts/a.1.wav'] },
      units: { 'money.yuan': 'units/kuai.wav' },
    });
    const { problems, manifest } = validateVoicePack(dir);
    expect(manifest).not.toBeNull();
    expect(problems).toEqual([
      `prompts.greeting[1]: missing file ${join(dir, 'prompts/a.1.wav')}`,
      `units.money.yuan: missing file ${join(dir, 'units/kuai.wav')}`,
    ]);
  });

  it('refuses unknown units, paths out of the pack and non-audio files', () => {
    const dir = tempDir('pack-bad-');
    writeJson(join(dir, 'manifest.json'), {
      format: 1,
      locale: 'wuu',
      prompts: { a: '../../etc/passwd.wav', b: 'notes.txt' },
      units: { 'num.11': 'units/x.wav' },
    });
    const { problems, manifest } = validateVoicePack(dir);
    expect(manifest).toBeNull();
    expect(problems.join('\n')).toMatch(/prompts\.a: a clip path is relative to the pack/);
    expect(problems.join('\n')).toMatch(/prompts\.b: a clip is one of/);
    expect(problems.join('\n')).toMatch(/units/);
  });

  it('says when there is no manifest', () => {
    expect(validateVoicePack(tempDir('pack-none-')).problems[0]).toMatch(/no manifest\.json/);
  });
});
