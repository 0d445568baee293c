import { existsSync } from 'node:fs';
import { isOlderThanSources } from '../../scripts/source-freshness.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout this code runs from: the nearest folder above this module with a package.json. The
 * module sits at main/host/ when run from source and in out/core/chunks/ when run from the bundle.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..', '..');
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const rendererOutDir = join(projectRoot, 'out', 'renderer');

/** Everything the renderer bundle is made from. */
const rendererSources = ['renderer', 'locales', 'contract', 'build'].map((d) =>
  join(projectRoot, d),
);

/** True when there is no built renderer, or a source file changed after it was built. */
export function rendererBuildIsStale(): boolean {
  return isOlderThanSources(join(rendererOutDir, 'index.html'), rendererSources);
}

/**
 * Makes sure the built renderer exists and matches the sources, building it with Vite when a fresh
 * checkout has none or a pull changed it, so `kioskctl serve` always shows the current code.
 */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<string> {
  if (!rendererBuildIsStale()) return rendererOutDir;
  log('building the renderer (none built yet, or its sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.renderer.config.ts'), logLevel: 'warn' });
  return rendererOutDir;
}
