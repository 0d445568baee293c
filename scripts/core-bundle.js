// The kiosk core as one ES module (out/core/kioskctl.mjs) and its chunks, bundled from the
// TypeScript sources and the npm packages they use by esbuild. A kioskctl start then reads a few
// files instead of compiling every source file through tsx and resolving hundreds of small package
// files: `kioskctl serve` answers in about half the time, in a third less memory
// (bench/cases/foundation.bench.ts), which matters on a station's small box that boots straight
// into the kiosk. Native modules (better-sqlite3, the serialport binding, node-hid) and what is
// loaded only on demand (vite, sherpa-onnx-node) stay in node_modules. Each command is a chunk of
// its own (the commands are imported lazily), so `kioskctl probe` loads no web server and
// `kioskctl serve` can bind its port before it loads the station.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './ensure-deps.js';
import { isOlderThanSources } from './source-freshness.js';

const outDir = join(root, 'out', 'core');
export const coreBundlePath = join(outDir, 'kioskctl.mjs');
const entry = join(root, 'main', 'cli', 'kioskctl.ts');

/**
 * Everything the core is made from (the locales and voice packs are read at run time), and npm's
 * record of node_modules, which `npm ci` rewrites when a package the bundle holds changes.
 */
const sourceDirs = [
  'main',
  'contract',
  'hardware',
  'policies',
  'platform',
  'scripts',
  'node_modules/.package-lock.json',
].map((d) => join(root, d));

/** True when there is no bundle, or a source file changed after it was made. */
export function coreBundleIsStale() {
  return isOlderThanSources(coreBundlePath, sourceDirs);
}

/** Writes a file under its final name in one step: a reader sees the old file or the new one. */
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Bundles the core. Several kioskctl processes may start at once on a fresh checkout (the tests
 * do), and a running kiosk may still load chunks of the bundle it started from: chunks are named
 * by their content and never deleted here, and the entry is written last, so no process ever
 * loads a half-written or mismatched bundle.
 */
export async function buildCoreBundle() {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: { kioskctl: entry },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // native addons load their .node file from their own folder; the rest load on demand
    external: [
      'better-sqlite3',
      '@serialport/bindings-cpp',
      'node-hid',
      'pg-native',
      'sherpa-onnx-node',
      'vite',
      'esbuild',
      'electron',
      'bufferutil',
      'utf-8-validate',
    ],
    // the bundled CommonJS packages call require() for Node's own modules
    banner: {
      js: "import { createRequire as yiyangCreateRequire } from 'node:module'; const require = yiyangCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
    write: false,
  });
  const entryFile = result.outputFiles.find((f) => f.path === coreBundlePath);
  if (!entryFile) throw new Error(`esbuild wrote no ${basename(coreBundlePath)}`);
  mkdirSync(join(outDir, 'chunks'), { recursive: true });
  for (const file of result.outputFiles)
    if (file !== entryFile && !existsSync(file.path)) writeAtomically(file.path, file.contents);
  writeAtomically(coreBundlePath, entryFile.contents);
  return coreBundlePath;
}

/** The bundle's path, built first when it is missing or older than the sources. */
export async function ensureCoreBundle() {
  return coreBundleIsStale() ? buildCoreBundle() : coreBundlePath;
}

/**
 * The core's CLI module (`main`, main/cli/kioskctl.ts), from the bundle. Where the checkout is
 * read-only for this user (a technician probing a reader as another user) and the bundle is
 * missing or old, the sources are compiled as they load instead.
 */
export async function loadCore() {
  try {
    return await import(pathToFileURL(await ensureCoreBundle()).href);
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
    if (!['EACCES', 'EPERM', 'EROFS'].includes(code)) throw error;
    const { register } = await import('tsx/esm/api');
    register();
    return import('../main/cli/kioskctl.ts');
  }
}
