import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { SerialPort } from 'serialport';
import type { BenchFigure } from '../bench-case';
import { encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { openPtyPair, type PtyPair } from '../../tests/support/pty';
import { startServe } from '../../tests/support/kioskctl';
import { makeTempDir } from '../../tests/support/temp-dir';

// A card frame written to a PTY reader → the greeting painted in Chromium, against the bare PTY
// round-trip (the same frame's bytes written on one end and read on the other, no kiosk logic) on
// the same PTY pair, in the same run. Both are timed on one clock, this process's performance.now():
// the page reports the painted frame through a Playwright binding, so the figure includes that one
// page → Node message (well under a millisecond on loopback) but no second clock.
const ROUNDS = 15;
const cards = ['0A1B2C3D4E', '0E5F607182']; // two demo elders, alternated so no tap is a repeat

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The value, or null if `ms` pass first. */
function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([work, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
}

async function open(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

/** Before the kiosk opens the reader end: the pair is then free, and is the one the kiosk uses. */
async function bareRoundTrip(pair: PtyPair): Promise<number> {
  const [reader, writer] = [await open(pair.a), await open(pair.b)];
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS * 4; i++) {
    const frame = encodeEm4100Frame(cards[i % 2] ?? '');
    const start = performance.now();
    await new Promise<void>((resolve) => {
      let got = 0;
      const onData = (chunk: Buffer): void => {
        got += chunk.length;
        if (got >= frame.length) {
          reader.off('data', onData);
          resolve();
        }
      };
      reader.on('data', onData);
      writer.write(frame);
    });
    samples.push(performance.now() - start);
  }
  await new Promise<void>((r) => reader.close(() => r()));
  await new Promise<void>((r) => writer.close(() => r()));
  return median(samples);
}

export async function run(): Promise<BenchFigure[]> {
  const temp = makeTempDir('yiyang-bench-');
  const pair = await openPtyPair();
  const bare = await bareRoundTrip(pair);
  const config = join(temp.dir, 'station.json');
  writeFileSync(
    config,
    JSON.stringify({ devices: [{ kind: 'card-reader', driver: 'em4100', path: pair.a }] }),
  );
  const kiosk = await startServe(['--data-dir', temp.dir, '--config', config, '--demo']);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const writer = await open(pair.b);
  const samples: number[] = [];
  try {
    const page = await browser.newPage();
    // The page reads no clock: it calls this binding on the frame that shows the greeting, and
    // the time is taken here, on the clock that timed the write.
    let paintedAt: ((at: number) => void) | null = null;
    await page.exposeBinding('__benchPainted', () => paintedAt?.(performance.now()));
    await page.goto(kiosk.kioskUrl);
    await page.getByRole('heading', { name: '请刷卡' }).waitFor();
    // Paint is observed in the page itself: a MutationObserver notes when the greeting heading
    // appears and a requestAnimationFrame after it marks the frame that shows it.
    for (let i = 0; i < ROUNDS + 2; i++) {
      const uid = cards[i % 2] ?? '';
      const name = uid === '0A1B2C3D4E' ? '张桂英' : '周德明';
      const painted = new Promise<number>((resolve) => (paintedAt = resolve));
      // Written as source text: tsx would wrap named inner functions in a helper the page lacks.
      await page.evaluate(`(() => {
        const wanted = ${JSON.stringify(name)};
        const observer = new MutationObserver(() => {
          if (![...document.querySelectorAll('h1')].some((h) => (h.textContent || '').includes(wanted))) return;
          observer.disconnect();
          requestAnimationFrame(() => window.__benchPainted());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      })()`);
      const start = performance.now();
      writer.write(encodeEm4100Frame(uid));
      // The kiosk opens its reader in the background: the two warm-up taps are repeated until
      // one is seen, so a tap written before the port was open cannot hang the run.
      let at = await (i < 2 ? within(painted, 1000) : painted);
      while (at === null) {
        writer.write(encodeEm4100Frame(uid));
        at = await within(painted, 1000);
      }
      if (i >= 2) samples.push(at - start);
      await page.waitForTimeout(1600); // past the 1.5 s same-card window
    }
  } finally {
    await new Promise<void>((r) => writer.close(() => r()));
    await browser.close();
    await kiosk.stop();
    await pair.close();
    temp.remove();
  }
  return [
    {
      name: `PTY frame → greeting painted in Chromium (median of ${ROUNDS})`,
      unit: 'ms',
      value: median(samples),
      baseline: { name: 'bare PTY round-trip of the same frame', value: bare },
      goal: { maxValue: 250 },
    },
  ];
}
