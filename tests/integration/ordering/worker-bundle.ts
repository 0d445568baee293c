import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

/**
 * Bundles the worker once per test file: a plain `node worker.mjs` starts several times faster
 * than `node --import tsx`, which is what lets 200 kill-and-restart rounds fit in well under a
 * minute on two cores. The bundle lives under node_modules/.cache so `better-sqlite3` resolves.
 */
export async function bundleWorker(): Promise<{ file: string; remove: () => void }> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'ordering-worker-'));
  const out = join(dir, 'order-worker.mjs');
  await build({
    entryPoints: [join(here, 'fixtures', 'order-worker.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'error',
  });
  return { file: out, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Worker {
  child: ChildProcess;
  /** resolves with everything the worker printed once it has printed `line` (or exited) */
  waitFor(line: string): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

export function startWorker(bundle: string, args: string[]): Worker {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { line: string; resolve: (s: string) => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of waiters.splice(0)) {
      if (out.includes(w.line)) w.resolve(out);
      else waiters.push(w);
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const w of waiters.splice(0)) w.resolve(out);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    exited,
    output: () => out + err,
    waitFor: (line) =>
      out.includes(line)
        ? Promise.resolve(out)
        : new Promise((resolve) => waiters.push({ line, resolve })),
  };
}
