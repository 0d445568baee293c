import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { SerialPort } from 'serialport';
import type { BenchFigure } from '../bench-case';
import { encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { openPtyPair } from '../../tests/support/pty';
import { startServe } from '../../tests/support/kioskctl';
import { makeTempDir } from '../../tests/support/temp-dir';

// A card frame written to a PTY reader → the greeting painted in Chromium, against the bare PTY
// round-trip (the same frame's bytes written on one end and read on the other, no kiosk logic).
const ROUNDS = 15;
const cards = ['0A1B2C3D4E', '0E5F607182']; // two demo elders, alternated so no tap is a repeat

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function open(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

async function bareRoundTrip(): Promise<number> {
  const pair = await openPtyPair();
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
  await pair.close();
  return median(samples);
}

export async function run(): Promise<BenchFigure[]> {
  const bare = await bareRoundTrip();
  const temp = makeTempDir('yiyang-bench-');
  const pair = await openPtyPair();
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
    await page.goto(kiosk.kioskUrl);
    await page.getByRole('heading', { name: '请刷卡' }).waitFor();
    // Paint is observed in the page itself: a MutationObserver notes when the greeting heading
    // appears and a requestAnimationFrame after it marks the frame that shows it.
    for (let i = 0; i < ROUNDS + 2; i++) {
      const uid = cards[i % 2] ?? '';
      const name = uid === '0A1B2C3D4E' ? '张桂英' : '周德明';
      // Written as source text: tsx would wrap named inner functions in a helper the page lacks.
      const painted = page.evaluate(`new Promise((resolve) => {
        const wanted = ${JSON.stringify(name)};
        const observer = new MutationObserver(() => {
          if (![...document.querySelectorAll('h1')].some((h) => (h.textContent || '').includes(wanted))) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      })`) as Promise<number>;
      await page.waitForTimeout(50); // the observer is in place
      const start = Date.now();
      writer.write(encodeEm4100Frame(uid));
      const at = await painted;
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
