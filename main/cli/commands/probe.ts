import { z } from 'zod';
import { CliUsageError, type CliIo } from '../cli-io';
import { deviceConfigSchema, type DeviceConfig } from '../../config/device-config';
import { createDriver, type DriverFactoryOptions } from '../../devices/create-driver';
import { DeviceError, type DeviceDriver } from '../../../hardware';

const PROBE_DRIVERS = ['em4100', 'line', 'pn532', 'hid-keyboard', 'buttons'] as const;
type ProbeDriver = (typeof PROBE_DRIVERS)[number];

/** Bytes with no valid frame for this long: the probe says "check the baud rate". */
const GARBLE_SECONDS = 3;

const usage =
  'usage: kioskctl probe --driver em4100|line|pn532|hid-keyboard|buttons --path DEV [--baud N]\n' +
  '         [--format hex|decimal|auto] [--byte-order msb-first|lsb-first] [--count N] [--seconds S]\n' +
  '  --path for hid-keyboard is /dev/hidrawN or VID:PID in hex (e.g. 08ff:0009)';

/**
 * For technicians: opens one reader or button box and prints one JSON line per event
 * ({"type":"card","uid":…}, {"type":"button","button":"red"}, {"type":"error",…}, and status lines)
 * until Ctrl-C, --count events or --seconds. Exit code 1 when the device could not be used.
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
  const config = probeConfig(opts);
  const count = opts.count === undefined ? null : positiveNumber('count', opts.count, true);
  const seconds =
    opts.seconds === undefined ? null : positiveNumber('seconds', opts.seconds, false);

  const driver = createDriver(config, { ...factory, garbleWindowMs: GARBLE_SECONDS * 1000 });
  const print = (line: Record<string, unknown>): void => io.out(JSON.stringify(line));
  let events = 0;
  let failed = false;
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
    if (e.fatal) {
      failed = true;
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
    return 1;
  }
  const timer = seconds === null ? null : setTimeout(finish, seconds * 1000);
  await finished;
  if (timer) clearTimeout(timer);
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  await driver.close();
  return failed ? 1 : 0;
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

function probeConfig(opts: Record<string, string | undefined>): DeviceConfig {
  const driver = opts.driver as ProbeDriver | undefined;
  if (!driver || !PROBE_DRIVERS.includes(driver)) {
    throw new CliUsageError(`--driver must be one of ${PROBE_DRIVERS.join(', ')}\n${usage}`);
  }
  if (!opts.path) throw new CliUsageError(`--path is required\n${usage}`);
  const baud = opts.baud === undefined ? undefined : positiveNumber('baud', opts.baud, true);
  const where = driver === 'hid-keyboard' ? hidWhere(opts.path) : { path: opts.path };
  const raw =
    driver === 'buttons'
      ? { kind: 'buttons', driver: 'serial', ...where, baud }
      : {
          kind: 'card-reader',
          driver,
          ...where,
          baud,
          format: opts.format === 'auto' ? undefined : opts.format,
          byteOrder: opts['byte-order'],
        };
  const parsed = deviceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CliUsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

/** hid-keyboard readers are found by /dev/hidrawN or by "VID:PID" in hex. */
function hidWhere(path: string): { path: string } | { vendorId: number; productId: number } {
  const ids = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(path);
  if (!ids) return { path };
  return {
    vendorId: Number.parseInt(ids[1] ?? '', 16),
    productId: Number.parseInt(ids[2] ?? '', 16),
  };
}

function positiveNumber(name: string, text: string, integer: boolean): number {
  const schema = integer ? z.coerce.number().int().positive() : z.coerce.number().positive();
  const parsed = schema.safeParse(text);
  if (!parsed.success)
    throw new CliUsageError(`--${name} must be a positive number, not '${text}'`);
  return parsed.data;
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
