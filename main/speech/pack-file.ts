import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { sniffAudio } from './clip-audio';
import {
  validateVoicePack,
  voicePackManifestSchema,
  type VoicePackManifest,
} from './voice-pack-manifest';

/**
 * A station's voice pack as one file, so staff can carry a recorded dialect pack to another
 * station (issue 7, item 6): the manifest plus every clip it names, base64 in one JSON document.
 */
const packFileSchema = z
  .object({
    kind: z.literal('yiyang-voice-pack'),
    format: z.literal(1),
    manifest: voicePackManifestSchema,
    files: z.record(z.string(), z.base64()),
  })
  .strict();

export type PackFile = z.infer<typeof packFileSchema>;

/** Refused pack files: the message names what is wrong (for staff and the log). */
export class PackFileError extends Error {}

const clipsOf = (manifest: VoicePackManifest): string[] => [
  ...Object.values(manifest.prompts).flatMap((c) => (Array.isArray(c) ? c : [c])),
  ...Object.values(manifest.units).filter((r): r is string => r !== undefined),
];

/** The pack in `<overrideDir>/<locale>` as one document; refuses a pack with missing files. */
export function exportPack(overrideDir: string, locale: string): PackFile {
  const dir = join(overrideDir, locale);
  const { manifest, problems } = validateVoicePack(dir);
  if (!manifest || problems.length > 0)
    throw new Error(`cannot export ${dir}: ${problems.join('; ')}`);
  const files = Object.fromEntries(
    clipsOf(manifest).map((rel) => [rel, readFileSync(join(dir, rel)).toString('base64')]),
  );
  return { kind: 'yiyang-voice-pack', format: 1, manifest, files };
}

/**
 * The same, for the staff recorder: a prompt of several pieces whose pieces are not all recorded
 * yet is left out (and named in `skipped`) instead of refusing the whole pack; such a prompt is
 * not spoken from clips anyway. A station with no recordings exports an empty pack.
 */
export function exportRecordedPack(
  overrideDir: string,
  locale: string,
): { file: PackFile; skipped: string[] } {
  const dir = join(overrideDir, locale);
  const empty: VoicePackManifest = {
    format: 1,
    locale,
    description: 'recorded at this station',
    prompts: {},
    units: {},
  };
  const { manifest: found, problems } = validateVoicePack(dir);
  // A manifest that cannot be read is a fault to report, not an empty pack to hand out.
  if (!found && existsSync(join(dir, 'manifest.json')))
    throw new PackFileError(`cannot export ${dir}: ${problems.join('; ')}`);
  const manifest = found ?? empty;
  const present = (rel: string): boolean => {
    const abs = join(dir, rel);
    return existsSync(abs) && statSync(abs).isFile();
  };
  const skipped: string[] = [];
  const prompts: VoicePackManifest['prompts'] = {};
  for (const [key, clips] of Object.entries(manifest.prompts)) {
    if ((Array.isArray(clips) ? clips : [clips]).every(present)) prompts[key] = clips;
    else skipped.push(key);
  }
  const units: VoicePackManifest['units'] = {};
  for (const [unit, rel] of Object.entries(manifest.units) as [
    keyof VoicePackManifest['units'],
    string | undefined,
  ][]) {
    if (rel && present(rel)) units[unit] = rel;
    else if (rel) skipped.push(unit);
  }
  const kept: VoicePackManifest = { ...manifest, prompts, units };
  const files = Object.fromEntries(
    clipsOf(kept).map((rel) => [rel, readFileSync(join(dir, rel)).toString('base64')]),
  );
  return { file: { kind: 'yiyang-voice-pack', format: 1, manifest: kept, files }, skipped };
}

/** Checks a pack document whole; throws PackFileError naming the first kind of problem found. */
export function parsePackFile(
  document: unknown,
  options: { maxClipBytes?: number } = {},
): PackFile {
  const parsed = packFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new PackFileError(
      `not a voice pack file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { manifest, files } = parsed.data;
  const named = clipsOf(manifest);
  const missing = named.filter((rel) => files[rel] === undefined);
  if (missing.length > 0)
    throw new PackFileError(`voice pack file lacks the clips ${missing.join(', ')}`);
  for (const rel of named) {
    const bytes = Buffer.from(files[rel] ?? '', 'base64');
    if (sniffAudio(bytes) === null)
      throw new PackFileError(`voice pack file: ${rel} is not audio (webm, ogg, wav, mp3, m4a)`);
    if (options.maxClipBytes !== undefined && bytes.length > options.maxClipBytes)
      throw new PackFileError(`voice pack file: ${rel} is over ${options.maxClipBytes} bytes`);
  }
  return parsed.data;
}

/**
 * Writes an exported pack into `<overrideDir>/<locale>`, replacing the clips it names and merging
 * its manifest over the station's (clips recorded here and not in the file are kept). Everything
 * is checked, the station's manifest included, before the first file is written: a bad file
 * changes nothing.
 */
export function importPack(
  overrideDir: string,
  document: unknown,
  options: { maxClipBytes?: number } = {},
): { locale: string; clips: number } {
  const { manifest, files } = parsePackFile(document, options);
  const dir = join(overrideDir, manifest.locale);
  const named = clipsOf(manifest);
  const manifestFile = join(dir, 'manifest.json');
  const current = existsSync(manifestFile)
    ? voicePackManifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')))
    : { ...manifest, prompts: {}, units: {} };
  const merged = {
    ...current,
    prompts: { ...current.prompts, ...manifest.prompts },
    units: { ...current.units, ...manifest.units },
  };
  for (const rel of named) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, Buffer.from(files[rel] ?? '', 'base64'));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${manifestFile}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(`${manifestFile}.tmp`, manifestFile);
  return { locale: manifest.locale, clips: named.length };
}
