import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { BenchFigure } from '../bench-case';
import { projectRoot, startServe } from '../../tests/support/kioskctl';
import { makeTempDir } from '../../tests/support/temp-dir';
import { rendererOutDir, ensureRendererBuilt } from '../../main/host/renderer-files';
import { chromiumArgs } from '../../scripts/chromium-kiosk.js';
import { ensureCoreBundle } from '../../scripts/core-bundle.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headless = ['--headless=new', '--disable-gpu'];
const runs = 5;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const now = (): number => performance.timeOrigin + performance.now();

/**
 * A blank page whose one heading carries the same elementtiming name as every kiosk screen's
 * title (renderer/components/ScreenFrame.tsx), so both are timed by the same browser API.
 */
async function blankServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><body><h1 elementtiming="screen-title">blank</h1></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * When the page first painted a title reading `text`, on the wall clock (ms since the epoch): the
 * Element Timing API's render time of the first `screen-title` heading. The observer is buffered,
 * so it does not matter when the benchmark got round to asking.
 */
async function titlePaintedAt(page: Page, text: string): Promise<number> {
  // runs in the page (a string, since this file is type-checked without the DOM's types)
  const painted = page.evaluate(`new Promise((resolve) => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.identifier === 'screen-title' && e.element?.textContent === ${JSON.stringify(text)})
          resolve(performance.timeOrigin + (e.renderTime || e.loadTime));
    }).observe({ type: 'element', buffered: true });
  })`);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`'${text}' was not painted within 60 s`)), 60_000).unref(),
  );
  return (await Promise.race([painted, timeout])) as number;
}

/** Connects to a Chromium started with --remote-debugging-port and finds its page at `url`. */
async function pageAt(debugPort: number, url: string): Promise<{ browser: Browser; page: Page }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
      for (;;) {
        const page = browser
          .contexts()
          .flatMap((c) => c.pages())
          .find((p) => p.url().startsWith(url));
        if (page) return { browser, page };
        if (Date.now() > deadline) throw new Error(`no page at ${url}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    // the whole group: `npm start` runs the host and Chromium as its children
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  });
}

/**
 * `npm start` with nothing running: the browser host and Chromium, until the idle screen is
 * painted. The station's data dir exists already (a station boots, it is not installed, each day).
 */
async function coldStartKiosk(dataDir: string): Promise<number> {
  const debugPort = await freePort();
  const started = now();
  const child = spawn(process.execPath, ['scripts/start.js', '--data-dir', dataDir], {
    cwd: projectRoot,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      CHROMIUM_PATH: chromiumPath,
      YIYANG_CHROMIUM_FLAGS: [...headless, `--remote-debugging-port=${debugPort}`].join(' '),
    },
  });
  try {
    const { browser, page } = await pageAt(debugPort, 'http://127.0.0.1:');
    const painted = await titlePaintedAt(page, '请刷卡');
    await browser.close();
    return painted - started;
  } finally {
    await stop(child);
  }
}

/** The same Chromium, started the same way on a blank page that is already being served. */
async function coldStartBlank(url: string): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'yiyang-bench-chromium-'));
  const debugPort = await freePort();
  const started = now();
  const args = chromiumArgs(url, profile).concat(headless, `--remote-debugging-port=${debugPort}`);
  const child = spawn(chromiumPath, args, { detached: true, stdio: 'ignore' });
  try {
    const { browser, page } = await pageAt(debugPort, url);
    const painted = await titlePaintedAt(page, 'blank');
    await browser.close();
    return painted - started;
  } finally {
    await stop(child);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A page loaded in a running Chromium, from navigation to its first title painted. */
async function navigationToTitle(browser: Browser, url: string, text: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const started = now();
    await page.goto(url);
    return (await titlePaintedAt(page, text)) - started;
  } finally {
    await context.close();
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export async function run(): Promise<BenchFigure[]> {
  // built now, so that no cold start below includes building them
  await ensureRendererBuilt(() => undefined);
  await ensureCoreBundle();
  const blank = await blankServer();
  const kioskCold: number[] = [];
  const blankCold: number[] = [];
  const kioskNav: number[] = [];
  const blankNav: number[] = [];
  let rss = Number.NaN;
  const station = makeTempDir('yiyang-bench-station-');
  try {
    // The station's first start (the demo seeded, the database key made) is not timed.
    const first = await startServe(['--data-dir', station.dir]);
    await first.stop();
    // Cold starts, kiosk and baseline taking turns so that a busy moment hurts both alike.
    for (let i = 0; i < runs; i++) {
      blankCold.push(await coldStartBlank(blank.url));
      kioskCold.push(await coldStartKiosk(station.dir));
    }
    // Loading the page again in a browser that is already up (a reload after a renderer crash).
    const temp = makeTempDir('yiyang-bench-');
    const kiosk = await startServe(['--data-dir', temp.dir]);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', ...headless.slice(1), '--disable-background-networking'],
    });
    try {
      for (let i = 0; i < runs; i++) {
        blankNav.push(await navigationToTitle(browser, blank.url, 'blank'));
        kioskNav.push(await navigationToTitle(browser, kiosk.kioskUrl, '请刷卡'));
      }
      await new Promise((r) => setTimeout(r, 2000)); // idle: nothing happening at the kiosk
      rss = rssMb(kiosk.child.pid ?? 0);
    } finally {
      await browser.close();
      await kiosk.stop();
      temp.remove();
    }
  } finally {
    station.remove();
    await new Promise<void>((r) => blank.server.close(() => r()));
  }
  const js = readdirSync(join(rendererOutDir, 'assets')).filter((f) => f.endsWith('.js'));
  const gzKb =
    js.reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(rendererOutDir, 'assets', f))).length,
      0,
    ) / 1024;
  return [
    {
      name: `cold start: npm start (browser host + Chromium) → idle screen painted (median of ${runs})`,
      unit: 'ms',
      value: median(kioskCold),
      baseline: {
        name: 'the same Chromium started → blank page painted',
        value: median(blankCold),
      },
      goal: { maxRatio: 1.5 },
    },
    {
      name: `reload in a running Chromium: navigation → idle screen painted (median of ${runs})`,
      unit: 'ms',
      value: median(kioskNav),
      baseline: { name: 'navigation → blank page painted', value: median(blankNav) },
      goal: { maxRatio: 1.5 },
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
