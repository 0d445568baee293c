import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { BenchFigure } from '../bench-case';
import { startServe } from '../../tests/support/kioskctl';
import { makeTempDir } from '../../tests/support/temp-dir';
import { rendererOutDir, ensureRendererBuilt } from '../../main/host/renderer-files';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const runs = 5;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Serves one blank HTML page: the baseline for "a page painted in this Chromium". */
async function blankServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><body><h1>blank</h1></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export async function run(): Promise<BenchFigure[]> {
  await ensureRendererBuilt(() => undefined);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const blank = await blankServer();
  const pageLoad: number[] = [];
  const blankLoad: number[] = [];
  const coldStart: number[] = [];
  let rss = Number.NaN;
  try {
    for (let i = 0; i < runs; i++) {
      // Baseline: a fresh page painting a blank document in the same Chromium.
      const context0 = await browser.newContext();
      const p0 = await context0.newPage();
      let t = performance.now();
      await p0.goto(blank.url);
      await p0.getByRole('heading', { name: 'blank' }).waitFor();
      blankLoad.push(performance.now() - t);
      await context0.close();

      // The kiosk: start the browser host from nothing, then load its page to the idle screen.
      const temp = makeTempDir('yiyang-bench-');
      t = performance.now();
      const kiosk = await startServe(['--data-dir', temp.dir]);
      const context = await browser.newContext();
      const page = await context.newPage();
      const navigated = performance.now();
      await page.goto(kiosk.kioskUrl);
      await page.getByRole('heading', { name: '请刷卡' }).waitFor();
      const painted = performance.now();
      pageLoad.push(painted - navigated);
      coldStart.push(painted - t);
      if (i === runs - 1) {
        await new Promise((r) => setTimeout(r, 2000)); // idle: nothing happening at the kiosk
        rss = rssMb(kiosk.child.pid ?? 0);
      }
      await context.close();
      await kiosk.stop();
      temp.remove();
    }
  } finally {
    await blank.close();
    await browser.close();
  }
  const js = readdirSync(join(rendererOutDir, 'assets')).filter((f) => f.endsWith('.js'));
  const gzKb =
    js.reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(rendererOutDir, 'assets', f))).length,
      0,
    ) / 1024;
  const blankMs = median(blankLoad);
  return [
    {
      name: 'idle screen painted after navigation (median of 5)',
      unit: 'ms',
      value: median(pageLoad),
      baseline: { name: 'blank page painted', value: blankMs },
      goal: { maxRatio: 1.5 },
    },
    {
      name: 'cold start: kioskctl serve launched → idle screen painted (median of 5)',
      unit: 'ms',
      value: median(coldStart),
      baseline: { name: 'blank page painted', value: blankMs },
      goal: { maxValue: 5000 },
    },
    {
      name: 'core resident memory when idle (browser host)',
      unit: 'MB',
      value: rss,
      baseline: null,
      goal: { maxValue: 150 },
    },
    {
      name: 'renderer JavaScript, gzipped',
      unit: 'KB',
      value: gzKb,
      baseline: null,
      goal: { maxValue: 300 },
    },
  ];
}
