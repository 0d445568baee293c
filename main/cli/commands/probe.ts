import { CliUsageError, type CliIo } from '../cli-io';
import { createDriver, type DriverFactoryOptions } from '../../devices/create-driver';
import { DeviceError, type DeviceDriver } from '../../../hardware';
import {
  ignoredOptions,
  positiveNumber,
  probeConfig,
  probeDriver,
  probeUsage as usage,
} from './probe-config';

/** Bytes with no valid frame for this long: the probe says "check the baud rate". */
const GARBLE_SECONDS = 3;

/**
 * Exit codes, for scripts that try baud rates or drivers in turn (documented in docs/hardware.md):
 * 0 the device was read until --count, --seconds or Ctrl-C; 1 it could not be opened or was lost;
 * 2 bad arguments; 3 bytes arrived but none formed a valid frame (wrong baud rate or driver).
 */
export const PROBE_EXIT = { ok: 0, deviceFailed: 1, usage: 2, noValidFrames: 3 } as const;

/**
 * For technicians: opens one reader or button box and prints one JSON line per event
 * ({"type":"card","uid":…}, {"type":"button","button":"red"}, {"type":"error",…}, status lines,
 * and a {"type":"warning",…} for each option the driver does not use) until Ctrl-C, --count events
 * or --seconds; a NO_VALID_FRAMES report (wrong baud rate) ends it at once. See PROBE_EXIT.
 */
export async function runProbe(
  args: string[],
  io: CliIo,
  factory: DriverFactoryOptions = {},
): Promise<number> {
  const opts = readOptions(args, usage, [
    'driver',
    'path',
    'baud',
    'format',
    'byte-order',
    'count',
    'seconds',
  ]);
  const driverName = probeDriver(opts);
  const config = probeConfig(driverName, opts);
  const count = opts.count === undefined ? null : positiveNumber('count', opts.count, true);
  const seconds =
    opts.seconds === undefined ? null : positiveNumber('seconds', opts.seconds, false);

  const driver = createDriver(config, { ...factory, garbleWindowMs: GARBLE_SECONDS * 1000 });
  const print = (line: Record<string, unknown>): void => io.out(JSON.stringify(line));
  for (const warning of ignoredOptions(driverName, opts)) print({ type: 'warning', ...warning });
  let events = 0;
  let exitCode: number = PROBE_EXIT.ok;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const counted = (): void => {
    events += 1;
    if (count !== null && events >= count) finish();
  };

  driver.on('card', (uid) => {
    print({ type: 'card', uid });
    counted();
  });
  driver.on('button', (button) => {
    print({ type: 'button', button });
    counted();
  });
  driver.on('status', (s) => print({ type: 'status', state: s.state, detail: s.detail }));
  driver.on('error', (e) => {
    print({ type: 'error', code: e.code, message: e.message });
    if ((e.fatal || e.code === 'NO_VALID_FRAMES') && exitCode === PROBE_EXIT.ok) {
      exitCode = e.fatal ? PROBE_EXIT.deviceFailed : PROBE_EXIT.noValidFrames;
      io.err(`kioskctl probe: ${e.message}`);
      finish();
    }
  });

  // Ctrl-C is handled from before the port opens, so it never kills the probe mid-open
  const onSignal = (): void => finish();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  if (!(await openOrReport(driver, io, print))) {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    return PROBE_EXIT.deviceFailed;
  }
  const timer = seconds === null ? null : setTimeout(finish, seconds * 1000);
  await finished;
  if (timer) clearTimeout(timer);
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  await driver.close();
  return exitCode;
}

async function openOrReport(
  driver: DeviceDriver,
  io: CliIo,
  print: (line: Record<string, unknown>) => void,
): Promise<boolean> {
  try {
    await driver.open();
    return true;
  } catch (error) {
    const e =
      error instanceof DeviceError ? error : new DeviceError('OPEN_FAILED', String(error), true);
    print({ type: 'error', code: e.code, message: e.message });
    io.err(`kioskctl probe: ${e.message}`);
    return false;
  }
}

/**
 * Reads `--name value` pairs (also `--name=value`) for probe and print-test, refusing unknown
 * options and missing values with the command's usage.
 */
export function readOptions(
  args: string[],
  usage: string,
  known: readonly string[],
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new CliUsageError(`unexpected argument '${arg}'\n${usage}`);
    const name = match[1];
    if (!known.includes(name)) throw new CliUsageError(`unknown option --${name}\n${usage}`);
    let value = match[2];
    if (value === undefined) {
      value = args[i + 1];
      i += 1;
      if (value === undefined || value.startsWith('--')) {
        throw new CliUsageError(`--${name} needs a value\n${usage}`);
      }
    }
    out[name] = value;
  }
  return out;
}
