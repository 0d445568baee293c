import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { z } from 'zod';
import { unitIds } from './unit-tokens';

/**
 * locales/<lng>/voice/manifest.json (and a station's override pack): which recorded clip says
 * which prompt, and which clip says each unit (digits, 十 百 千 万, 元 角 分, 点, 号 …) so numbers
 * are spoken by composing clips. A prompt whose text has {{slots}} maps to a list: one clip per
 * piece of fixed text between the slots, in order.
 */
export const clipExtensions = ['.wav', '.ogg', '.oga', '.webm', '.mp3', '.m4a'] as const;

const clipPath = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !normalize(p).startsWith('..'), {
    message: 'a clip path is relative to the pack and stays inside it',
  })
  .refine((p) => clipExtensions.some((ext) => p.toLowerCase().endsWith(ext)), {
    message: `a clip is one of ${clipExtensions.join(' ')}`,
  });

export const voicePackManifestSchema = z
  .object({
    format: z.literal(1),
    locale: z.string().min(2).max(20),
    /** what this pack is and who recorded it (a station's speaker, a studio) */
    description: z.string().max(500).optional(),
    prompts: z.record(z.string().min(1), z.union([clipPath, z.array(clipPath).min(1)])),
    units: z.partialRecord(z.enum(unitIds), clipPath),
  })
  .strict();

export type VoicePackManifest = z.infer<typeof voicePackManifestSchema>;

export interface PackValidation {
  manifest: VoicePackManifest | null;
  /** every problem, each naming the manifest entry and, for a missing clip, the file */
  problems: string[];
}

/** Reads and checks a pack directory: the manifest's shape and that every clip it names exists. */
export function validateVoicePack(dir: string): PackValidation {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return { manifest: null, problems: [`${file}: no manifest.json`] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { manifest: null, problems: [`${file}: not JSON (${(e as Error).message})`] };
  }
  const parsed = voicePackManifestSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      manifest: null,
      problems: parsed.error.issues.map(
        (i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`,
      ),
    };
  }
  const manifest = parsed.data;
  const problems: string[] = [];
  const check = (entry: string, rel: string) => {
    const abs = join(dir, rel);
    if (!existsSync(abs) || !statSync(abs).isFile()) problems.push(`${entry}: missing file ${abs}`);
  };
  for (const [key, clips] of Object.entries(manifest.prompts)) {
    const list = Array.isArray(clips) ? clips : [clips];
    list.forEach((rel, i) => check(`prompts.${key}${list.length > 1 ? `[${i}]` : ''}`, rel));
  }
  for (const [unit, rel] of Object.entries(manifest.units)) {
    if (rel) check(`units.${unit}`, rel);
  }
  return { manifest, problems };
}
