import { SerialPort } from 'serialport';
import type { BenchFigure } from '../bench-case';
import { SerialFramedDriver } from '../../hardware/drivers/serial-framed-driver';
import { Em4100Framer, encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { DeviceManager } from '../../main/devices/device-manager';
import { openPtyPair, type PtyPair } from '../../tests/support/pty';

// Frame written to a PTY → card event, against the bare PTY round-trip (bytes written on one end,
// all of them read on the other, no kiosk logic), measured in the same run on the same pair.
const ROUNDS = 200;
const WARMUP = 20;

async function openRaw(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

async function closeRaw(port: SerialPort): Promise<void> {
  if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Times `ROUNDS` sends; `send(i)` writes frame i and resolves when it has arrived as measured. */
async function time(send: (i: number) => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS + WARMUP; i += 1) {
    const start = performance.now();
    await send(i);
    if (i >= WARMUP) samples.push(performance.now() - start);
  }
  return median(samples);
}

const uidFor = (i: number): string => (0x1000000000 + i).toString(16).toUpperCase().slice(-10);

/** Resolves the next time `arm` delivers; one pending waiter at a time. */
function waiter(): { next: () => Promise<void>; fire: () => void } {
  let resolve: (() => void) | null = null;
  return {
    next: () => new Promise<void>((r) => (resolve = r)),
    fire: () => {
      const r = resolve;
      resolve = null;
      r?.();
    },
  };
}

async function bareRoundTrip(pair: PtyPair, writer: SerialPort): Promise<number> {
  const reader = await openRaw(pair.a);
  const arrived = waiter();
  let got = 0;
  reader.on('data', (chunk: Buffer) => {
    got += chunk.length;
    if (got >= 14) {
      got -= 14;
      arrived.fire();
    }
  });
  const result = await time(async (i) => {
    const done = arrived.next();
    writer.write(encodeEm4100Frame(uidFor(i)));
    await done;
  });
  await closeRaw(reader);
  return result;
}

async function driverRoundTrip(pair: PtyPair, writer: SerialPort): Promise<number> {
  const driver = new SerialFramedDriver({
    kind: 'card-reader',
    protocol: 'em4100',
    path: pair.a,
    baudRate: 9600,
    makeFramer: () => new Em4100Framer(),
  });
  const arrived = waiter();
  driver.on('card', () => arrived.fire());
  await driver.open();
  const result = await time(async (i) => {
    const done = arrived.next();
    writer.write(encodeEm4100Frame(uidFor(i)));
    await done;
  });
  await driver.close();
  return result;
}

async function managerRoundTrip(pair: PtyPair, writer: SerialPort): Promise<number> {
  const arrived = waiter();
  const manager = new DeviceManager({
    devices: [{ kind: 'card-reader', driver: 'em4100', path: pair.a, baud: 9600 }],
    onCard: () => arrived.fire(),
    onButton: () => undefined,
    onStatus: () => undefined,
  });
  await manager.start();
  // a new UID each round: the 1.5 s de-duplication would swallow repeats of one card
  const result = await time(async (i) => {
    const done = arrived.next();
    writer.write(encodeEm4100Frame(uidFor(i)));
    await done;
  });
  await manager.stop();
  return result;
}

export async function run(): Promise<BenchFigure[]> {
  const pair = await openPtyPair();
  const writer = await openRaw(pair.b);
  try {
    const bare = await bareRoundTrip(pair, writer);
    const driver = await driverRoundTrip(pair, writer);
    const manager = await managerRoundTrip(pair, writer);
    const baseline = { name: 'bare PTY round-trip (14 bytes written → read)', value: bare };
    return [
      {
        name: 'EM4100 frame on PTY → card event from the driver (median)',
        unit: 'ms',
        value: driver,
        baseline,
        goal: { maxRatio: 2 },
      },
      {
        name: 'EM4100 frame on PTY → onCard from the device manager (median)',
        unit: 'ms',
        value: manager,
        baseline,
        goal: { maxRatio: 2 },
      },
    ];
  } finally {
    await closeRaw(writer);
    await pair.close();
  }
}
