import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure, BenchRun } from './bench-case';

// Runs every bench/cases/*.bench.ts (or the ones named on the command line) and prints each figure,
// its baseline from the same run, the ratio and whether the goal was met. Goals are reported, not
// enforced by exit code: a noisy machine should not turn a benchmark into a flaky test.
const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const only = process.argv.slice(2);
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

function verdict(f: BenchFigure): { ratio: number | null; met: boolean } {
  const ratio = f.baseline && f.baseline.value > 0 ? f.value / f.baseline.value : null;
  if ('maxValue' in f.goal) return { ratio, met: f.value <= f.goal.maxValue };
  if ('maxRatio' in f.goal) return { ratio, met: ratio !== null && ratio <= f.goal.maxRatio };
  return { ratio, met: ratio !== null && ratio >= f.goal.minRatio };
}

function goalText(f: BenchFigure): string {
  if ('maxValue' in f.goal) return `< ${f.goal.maxValue} ${f.unit}`;
  if ('maxRatio' in f.goal) return `ratio <= ${f.goal.maxRatio}`;
  return `ratio >= ${f.goal.minRatio}`;
}

let met = 0;
let missed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(casesDir, file)).href)) as { run: BenchRun };
  console.log(`\n# ${file}`);
  for (const f of await mod.run()) {
    const v = verdict(f);
    if (v.met) met += 1;
    else missed += 1;
    const base = f.baseline
      ? `baseline ${f.baseline.name} ${f.baseline.value.toFixed(2)} ${f.unit}`
      : 'no baseline';
    const ratio = v.ratio === null ? '' : `ratio ${v.ratio.toFixed(2)}x, `;
    console.log(
      `${f.name}: ${f.value.toFixed(2)} ${f.unit}; ${base}; ${ratio}goal ${goalText(f)}: ${v.met ? 'met' : 'MISSED'}`,
    );
  }
}
console.log(`\n${met} goals met, ${missed} missed`);
