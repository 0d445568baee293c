import { z } from 'zod';
import { CliUsageError } from '../cli-io';
import { deviceConfigSchema, type DeviceConfig } from '../../config/device-config';

/** What `kioskctl probe --driver` accepts: the card-reader drivers and the two button boxes. */
export const PROBE_DRIVERS = [
  'em4100',
  'line',
  'pn532',
  'hid-keyboard',
  'buttons',
  'hid-buttons',
] as const;
export type ProbeDriver = (typeof PROBE_DRIVERS)[number];

/** The device options each driver reads; any other given is reported as ignored. */
const USES: Record<ProbeDriver, readonly string[]> = {
  em4100: ['baud'],
  line: ['baud', 'format', 'byte-order'],
  pn532: ['baud'],
  'hid-keyboard': ['format', 'byte-order'],
  buttons: ['baud'],
  'hid-buttons': [],
};
const DEVICE_OPTIONS = ['baud', 'format', 'byte-order'] as const;

export const probeUsage =
  'usage: kioskctl probe --driver em4100|line|pn532|hid-keyboard|buttons|hid-buttons --path DEV\n' +
  '         [--baud N] [--format hex|decimal|auto] [--byte-order msb-first|lsb-first]\n' +
  '         [--count N] [--seconds S]\n' +
  '  --path for hid-keyboard and hid-buttons is /dev/hidrawN or VID:PID in hex (e.g. 08ff:0009)';

/** The options given that this driver does not read, each with a line saying so. */
export function ignoredOptions(
  driver: ProbeDriver,
  opts: Record<string, string | undefined>,
): { option: string; message: string }[] {
  return DEVICE_OPTIONS.filter((o) => opts[o] !== undefined && !USES[driver].includes(o)).map(
    (o) => ({
      option: `--${o}`,
      message: `the ${driver} driver does not use --${o}; it is ignored`,
    }),
  );
}

export function probeDriver(opts: Record<string, string | undefined>): ProbeDriver {
  const driver = opts.driver as ProbeDriver | undefined;
  if (!driver || !PROBE_DRIVERS.includes(driver)) {
    throw new CliUsageError(`--driver must be one of ${PROBE_DRIVERS.join(', ')}\n${probeUsage}`);
  }
  return driver;
}

/** The devices entry the probe opens, validated by the same schema as the station config. */
export function probeConfig(
  driver: ProbeDriver,
  opts: Record<string, string | undefined>,
): DeviceConfig {
  if (!opts.path) throw new CliUsageError(`--path is required\n${probeUsage}`);
  const uses = (o: string): boolean => USES[driver].includes(o);
  const baud =
    opts.baud === undefined || !uses('baud') ? undefined : positiveNumber('baud', opts.baud, true);
  const hid = driver === 'hid-keyboard' || driver === 'hid-buttons';
  const where = hid ? hidWhere(opts.path) : { path: opts.path };
  const raw =
    driver === 'buttons' || driver === 'hid-buttons'
      ? { kind: 'buttons', driver: hid ? 'hid-keyboard' : 'serial', ...where, baud }
      : {
          kind: 'card-reader',
          driver,
          ...where,
          baud,
          format: !uses('format') || opts.format === 'auto' ? undefined : opts.format,
          byteOrder: uses('byte-order') ? opts['byte-order'] : undefined,
        };
  const parsed = deviceConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CliUsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

/** HID devices are found by /dev/hidrawN or by "VID:PID" in hex. */
function hidWhere(path: string): { path: string } | { vendorId: number; productId: number } {
  const ids = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(path);
  if (!ids) return { path };
  return {
    vendorId: Number.parseInt(ids[1] ?? '', 16),
    productId: Number.parseInt(ids[2] ?? '', 16),
  };
}

export function positiveNumber(name: string, text: string, integer: boolean): number {
  const schema = integer ? z.coerce.number().int().positive() : z.coerce.number().positive();
  const parsed = schema.safeParse(text);
  if (!parsed.success)
    throw new CliUsageError(`--${name} must be a positive number, not '${text}'`);
  return parsed.data;
}
