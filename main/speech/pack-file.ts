import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { validateVoicePack, voicePackManifestSchema } from './voice-pack-manifest';

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

/** The pack in `<overrideDir>/<locale>` as one document; refuses a pack with missing files. */
export function exportPack(overrideDir: string, locale: string): PackFile {
  const dir = join(overrideDir, locale);
  const { manifest, problems } = validateVoicePack(dir);
  if (!manifest || problems.length > 0)
    throw new Error(`cannot export ${dir}: ${problems.join('; ')}`);
  const rels = [
    ...Object.values(manifest.prompts).flatMap((c) => (Array.isArray(c) ? c : [c])),
    ...Object.values(manifest.units).filter((r): r is string => r !== undefined),
  ];
  const files = Object.fromEntries(
    rels.map((rel) => [rel, readFileSync(join(dir, rel)).toString('base64')]),
  );
  return { kind: 'yiyang-voice-pack', format: 1, manifest, files };
}

/**
 * Writes an exported pack into `<overrideDir>/<locale>`, replacing the clips it names and merging
 * its manifest over the station's (clips recorded here and not in the file are kept).
 */
export function importPack(
  overrideDir: string,
  document: unknown,
): { locale: string; clips: number } {
  const parsed = packFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new Error(
      `not a voice pack file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { manifest, files } = parsed.data;
  const dir = join(overrideDir, manifest.locale);
  const named = [
    ...Object.values(manifest.prompts).flatMap((c) => (Array.isArray(c) ? c : [c])),
    ...Object.values(manifest.units).filter((r): r is string => r !== undefined),
  ];
  const missing = named.filter((rel) => files[rel] === undefined);
  if (missing.length > 0) throw new Error(`voice pack file lacks the clips ${missing.join(', ')}`);
  for (const rel of named) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, Buffer.from(files[rel] ?? '', 'base64'));
  }
  const manifestFile = join(dir, 'manifest.json');
  const current = existsSync(manifestFile)
    ? voicePackManifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')))
    : { ...manifest, prompts: {}, units: {} };
  const merged = {
    ...current,
    prompts: { ...current.prompts, ...manifest.prompts },
    units: { ...current.units, ...manifest.units },
  };
  writeFileSync(`${manifestFile}.tmp`, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(`${manifestFile}.tmp`, manifestFile);
  return { locale: manifest.locale, clips: named.length };
}
