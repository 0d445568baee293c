import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { UnitId } from './unit-tokens';
import { validateVoicePack, type VoicePackManifest } from './voice-pack-manifest';

/**
 * The clips one locale can speak, from two layers: the station's override pack in the data dir
 * (where the staff recorder saves real dialect audio) first, then the pack shipped in
 * locales/<lng>/voice/. A clip whose file is missing is skipped, so a half-recorded override still
 * falls through to the shipped pack and then to TTS.
 */
export interface VoicePacks {
  /** the clip file for piece `index` of a prompt's fixed text, or null */
  prompt(locale: string, key: string, index: number): string | null;
  unit(locale: string, unit: UnitId): string | null;
  /** forget what was read, e.g. after the recorder saved a clip */
  reload(): void;
}

interface LoadedPack {
  dir: string;
  manifest: VoicePackManifest;
}

function loadPack(dir: string, warn: (line: string) => void): LoadedPack | null {
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  const { manifest, problems } = validateVoicePack(dir);
  // A pack with a missing clip still serves the clips it has: one lost file must not silence a line.
  for (const p of problems) warn(`voice pack: ${p}`);
  return manifest ? { dir, manifest } : null;
}

const existing = (path: string): string | null =>
  existsSync(path) && statSync(path).isFile() ? path : null;

export function createVoicePacks(options: {
  localesDir: string;
  /** the station's override root: <overrideDir>/<lng>/manifest.json */
  overrideDir?: string;
  warn?: (line: string) => void;
}): VoicePacks {
  const warn = options.warn ?? (() => undefined);
  const layers = new Map<string, LoadedPack[]>();
  const packsFor = (locale: string): LoadedPack[] => {
    let found = layers.get(locale);
    if (!found) {
      const dirs = [
        ...(options.overrideDir ? [join(options.overrideDir, locale)] : []),
        join(options.localesDir, locale, 'voice'),
      ];
      found = dirs.map((d) => loadPack(d, warn)).filter((p): p is LoadedPack => p !== null);
      layers.set(locale, found);
    }
    return found;
  };
  return {
    prompt(locale, key, index) {
      for (const { dir, manifest } of packsFor(locale)) {
        const entry = manifest.prompts[key];
        const rel = Array.isArray(entry) ? entry[index] : index === 0 ? entry : undefined;
        const hit = rel ? existing(join(dir, rel)) : null;
        if (hit) return hit;
      }
      return null;
    },
    unit(locale, unit) {
      for (const { dir, manifest } of packsFor(locale)) {
        const rel = manifest.units[unit];
        const hit = rel ? existing(join(dir, rel)) : null;
        if (hit) return hit;
      }
      return null;
    },
    reload: () => layers.clear(),
  };
}

const mimeByExt: Record<string, string> = {
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
};

export const mimeOf = (path: string): string =>
  mimeByExt[extname(path).toLowerCase()] ?? 'application/octet-stream';

export const dataUrl = (bytes: Buffer, mime: string): string =>
  `data:${mime};base64,${bytes.toString('base64')}`;

/** Reads clip files as data URLs, re-reading a file only when it changed on disk. */
export class ClipReader {
  private readonly cache = new Map<string, { mtimeMs: number; url: string }>();

  read(path: string): string {
    const { mtimeMs } = statSync(path);
    const hit = this.cache.get(path);
    if (hit && hit.mtimeMs === mtimeMs) return hit.url;
    const url = dataUrl(readFileSync(path), mimeOf(path));
    this.cache.set(path, { mtimeMs, url });
    return url;
  }
}

/**
 * Saves one recorded clip into the station's override pack and records it in that pack's manifest
 * (for the staff recorder). `index` is the piece of fixed text between {{slots}}; `pieces` is how
 * many pieces the prompt has, so the manifest entry is a list when it has several.
 */
export function saveOverrideClip(
  overrideDir: string,
  locale: string,
  target: { key: string; index: number; pieces: number } | { unit: UnitId },
  bytes: Buffer,
  ext: '.wav' | '.webm' | '.ogg' | '.mp3' | '.m4a',
): string {
  const dir = join(overrideDir, locale);
  const manifestFile = join(dir, 'manifest.json');
  const manifest: VoicePackManifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as VoicePackManifest)
    : { format: 1, locale, description: 'recorded at this station', prompts: {}, units: {} };
  let rel: string;
  if ('unit' in target) {
    rel = `units/${target.unit}${ext}`;
    manifest.units[target.unit] = rel;
  } else {
    rel = `prompts/${target.key}.${target.index}${ext}`;
    if (target.pieces <= 1) manifest.prompts[target.key] = rel;
    else {
      const prev = manifest.prompts[target.key];
      const list = Array.isArray(prev) ? [...prev] : [];
      for (let i = 0; i < target.pieces; i += 1) list[i] ??= `prompts/${target.key}.${i}${ext}`;
      list[target.index] = rel;
      manifest.prompts[target.key] = list;
    }
  }
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, bytes);
  // Write-then-rename so a crash mid-save never leaves a manifest the kiosk cannot parse.
  writeFileSync(`${manifestFile}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${manifestFile}.tmp`, manifestFile);
  return abs;
}
