import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseTemplate, textPieces } from '../../../main/speech/prompt-template';
import type { PromptTexts } from '../../../main/speech/prompt-text';

/**
 * Test fixtures: a temporary locales/ tree and voice packs whose "clips" are sox-generated sine
 * tones. They are named as what they are: generated test tones, not recorded dialect speech.
 */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2));
}

let tone = 300;
/** A 0.15 s sine tone as a WAV file (each call a different pitch, so clips can be told apart). */
export function writeTone(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  tone += 10;
  execFileSync('sox', [
    '-n',
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    file,
    'synth',
    '0.15',
    'sine',
    String(tone),
  ]);
}

/** A locales/ tree with the given translation.json per locale. */
export function writeLocales(root: string, texts: Record<string, Record<string, unknown>>): void {
  for (const [lng, tree] of Object.entries(texts))
    writeJson(join(root, lng, 'translation.json'), tree);
}

/**
 * A station pack (as the staff recorder would leave it) with every piece of every prompt key and
 * every unit "recorded" in one locale, all as copies of one generated test tone, not speech.
 * Answers how many prompt pieces it wrote.
 */
export function writeFullPack(
  overrideDir: string,
  locale: string,
  texts: PromptTexts,
  units: readonly string[],
): number {
  const dir = join(overrideDir, locale);
  const tone = join(dir, 'tone.wav');
  writeTone(tone);
  const prompts: Record<string, string[]> = {};
  let pieces = 0;
  for (const key of texts.keys()) {
    const template = texts.template(locale, key);
    if (template === null) continue;
    const count = textPieces(parseTemplate(template)).length;
    if (count === 0) continue;
    prompts[key] = Array.from({ length: count }, (_, i) => {
      const rel = `prompts/${key}.${i}.wav`;
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      copyFileSync(tone, join(dir, rel));
      return rel;
    });
    pieces += count;
  }
  const unitFiles = Object.fromEntries(
    units.map((u) => {
      const rel = `units/${u}.wav`;
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      copyFileSync(tone, join(dir, rel));
      return [u, rel];
    }),
  );
  writeJson(join(dir, 'manifest.json'), {
    format: 1,
    locale,
    description: 'every piece a copy of one generated test tone, not speech',
    prompts,
    units: unitFiles,
  });
  return pieces;
}
