// `npm test`: every suite — Vitest (unit, integration, hardware on PTYs) and Playwright (end to end
// in Chromium) — then one closing line `N passed, N failed` summing them all, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, root } from './ensure-deps.js';
import { buildCoreBundle } from './core-bundle.js';

ensureDependencies();
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label, command, args) {
  console.log(`\n[yiyang] ${label}: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Build the renderer once, up front, so the end-to-end tests never race to build it.
const buildStatus = run('build the renderer', 'npx', [
  'vite',
  'build',
  '--config',
  'vite.renderer.config.ts',
  '--logLevel',
  'warn',
]);

// And the core's bundle (scripts/core-bundle.js), which every `kioskctl` child process runs.
let coreStatus = 0;
try {
  await buildCoreBundle();
} catch (error) {
  console.error(
    `[yiyang] bundling the core failed: ${error instanceof Error ? error.message : error}`,
  );
  coreStatus = 1;
}

const vitestStatus = run('unit, integration and hardware tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(reports, 'vitest.json')}`,
]);

const e2eStatus =
  buildStatus === 0 ? run('end-to-end tests in Chromium', 'npx', ['playwright', 'test']) : 1;

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(join(reports, 'vitest.json'));
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that failed to load counts as a failure even though none of its tests ran.
  failed += (vitest.testResults ?? []).filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
} else {
  failed += 1;
  console.error('[yiyang] Vitest wrote no report');
}
const playwright = readJson(join(reports, 'playwright.json'));
if (playwright?.stats) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + (playwright.stats.flaky ?? 0);
  skipped += playwright.stats.skipped;
} else {
  failed += 1;
  console.error('[yiyang] Playwright wrote no report');
}
if (buildStatus !== 0) failed += 1;
if (coreStatus !== 0) failed += 1;
const anyNonZero = [buildStatus, coreStatus, vitestStatus, e2eStatus].some((s) => s !== 0);
if (anyNonZero && failed === 0) failed = 1; // a runner failed without a failing test: never green

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && existsSync(reports) ? 0 : 1);
