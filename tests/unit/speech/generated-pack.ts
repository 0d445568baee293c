import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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
