import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packCoverage } from '../../../main/speech/pack-coverage';
import { createPromptTexts } from '../../../main/speech/prompt-text';
import { createVoicePacks, saveOverrideClip } from '../../../main/speech/voice-pack';
import { tempDir, writeLocales, writeTone } from './generated-pack';

describe('pack coverage (what the staff recorder still has to record)', () => {
  it('lists the pieces of text to read per key and the missing units', () => {
    const root = tempDir('coverage-');
    const localesDir = join(root, 'locales');
    const overrideDir = join(root, 'voice-packs');
    writeLocales(localesDir, {
      'zh-CN': { greeting: { spoken: '{{name}}，您好！' }, idle: { title: '请刷卡' } },
      wuu: { greeting: { spoken: '{{name}}，侬好！' }, idle: { title: '请刷一记卡' } },
    });
    const tone = join(root, 'tone.wav');
    writeTone(tone); // a generated test tone, not speech
    saveOverrideClip(
      overrideDir,
      'wuu',
      { key: 'idle.title', index: 0, pieces: 1 },
      readFileSync(tone),
      '.wav',
    );
    saveOverrideClip(overrideDir, 'wuu', { unit: 'num.1' }, readFileSync(tone), '.wav');
    const coverage = packCoverage(
      createPromptTexts(localesDir),
      createVoicePacks({ localesDir, overrideDir }),
      'wuu',
      ['greeting.spoken', 'idle.title', 'no.such'],
    );
    expect(coverage.prompts).toEqual([
      { key: 'greeting.spoken', pieces: [{ text: '，侬好！', recorded: false }] },
      { key: 'idle.title', pieces: [{ text: '请刷一记卡', recorded: true }] },
    ]);
    expect(coverage.missingUnits).not.toContain('num.1');
    expect(coverage.missingUnits).toContain('money.yuan');
  });
});
