import { SerialPort } from 'serialport';
import type { BenchFigure } from '../bench-case';
import { SerialFramedDriver } from '../../hardware/drivers/serial-framed-driver';
import { Em4100Framer, encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { stationDevices } from '../../main/boot/station-devices';
import { defaultConfig } from '../../main/config/load-config';
import { KioskCore } from '../../main/core/kiosk-core';
import { demoElders } from '../../main/demo/demo-elders';
import { seedDemoStation } from '../../main/demo/seed-demo-station';
import { DeviceManager } from '../../main/devices/device-manager';
import { upsertElders } from '../../main/roster/elder-repo';
import { openStationDatabase } from '../../main/store/open-database';
import { openPtyPair, type PtyPair } from '../../tests/support/pty';

// Frame written to a PTY → card event, against the bare PTY round-trip (bytes written on one end,
// all of them read on the other, no kiosk logic), measured in the same run on the same pair: at
// the driver, at the device manager, and in the kiosk core (cardTapped has looked the card up in
// SQLite and the elder's session has begun), which is where the issue asks it measured.
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

/**
 * The median time from writing a card frame (a new UID each round: the 1.5 s de-duplication would
 * swallow repeats of one card) to `arrived` firing.
 */
function timeFrames(writer: SerialPort, arrived: ReturnType<typeof waiter>): Promise<number> {
  return time(async (i) => {
    const done = arrived.next();
    writer.write(encodeEm4100Frame(uidFor(i)));
    await done;
  });
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
  const result = await timeFrames(writer, arrived);
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
  const result = await timeFrames(writer, arrived);
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
  const result = await timeFrames(writer, arrived);
  await manager.stop();
  return result;
}

/**
 * The station as it runs: a demo SQLite station with one elder per round (each with her own card,
 * so no tap is dropped as a repeat and each one starts a real elder session), the device manager
 * wired to the core as at boot, and the time taken when the core's session changes.
 */
async function coreRoundTrip(pair: PtyPair, writer: SerialPort): Promise<number> {
  const db = openStationDatabase(':memory:');
  seedDemoStation(db, '2026-11-23');
  const template = demoElders[0];
  if (!template) throw new Error('no demo elder to copy');
  upsertElders(
    db,
    Array.from({ length: ROUNDS + WARMUP }, (_, i) => ({
      ...template,
      id: `bench-${i}`,
      cards: [uidFor(i)],
    })),
  );
  const core = new KioskCore({ db, config: defaultConfig });
  const arrived = waiter();
  core.events.on('session', (s) => {
    if (s.kind === 'elder') arrived.fire();
  });
  const manager = stationDevices(
    core,
    [{ kind: 'card-reader', driver: 'em4100', path: pair.a, baud: 9600 }],
    false,
  );
  await manager.start();
  const result = await timeFrames(writer, arrived);
  await manager.stop();
  db.close();
  return result;
}

export async function run(): Promise<BenchFigure[]> {
  const pair = await openPtyPair();
  const writer = await openRaw(pair.b);
  try {
    const bare = await bareRoundTrip(pair, writer);
    const driver = await driverRoundTrip(pair, writer);
    const manager = await managerRoundTrip(pair, writer);
    const core = await coreRoundTrip(pair, writer);
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
      {
        name: 'EM4100 frame on PTY → card event in the core: elder session begun (median)',
        unit: 'ms',
        value: core,
        baseline,
        goal: { maxRatio: 3 },
      },
    ];
  } finally {
    await closeRaw(writer);
    await pair.close();
  }
}
