import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliUsageError, type CliIo } from '../cli-io';
import { defaultDataDir } from '../../boot/data-dir';
import { platformConfigSchema } from '../../config/config-schema';

const usage = 'usage: kioskctl enrol --url URL --code CODE [--config FILE]';

/**
 * `kioskctl enrol --url U --code C [--config F]`: redeems a one-time enrolment code at the platform
 * and writes the station's platform section (url, deviceId, secret) into the config file, keeping
 * every other section; the file is created if missing and left readable by its owner only (0600).
 * The file is read and checked before the code is spent, so a bad file never burns a code.
 */
export async function runEnrol(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { url: { type: 'string' }, code: { type: 'string' }, config: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0 || !values.url || !values.code) throw new CliUsageError(usage);
  const url = platformConfigSchema.shape.url.safeParse(values.url);
  if (!url.success)
    throw new CliUsageError(`--url must be an http:// or https:// address, got '${values.url}'`);
  const code = normaliseCode(values.code);
  const file = resolve(
    values.config ?? process.env.YIYANG_CONFIG ?? join(defaultDataDir(), 'config.json'),
  );
  const existing = readConfigObject(file);

  const { enrolDevice } = await import('../../sync/enrol-device');
  const credentials = await enrolDevice(url.data, code);
  const platform = platformConfigSchema.parse({ url: url.data, ...credentials });
  try {
    writePrivateJson(file, { ...existing, platform });
  } catch (error) {
    // The code is spent now: the credentials exist only here, so show them rather than lose them.
    io.err(
      `kioskctl: enrolled as ${credentials.deviceId} but could not write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n` +
        `Put this into the config file's "platform" section by hand:\n${JSON.stringify(platform, null, 2)}`,
    );
    return 1;
  }
  io.out(`enrolled as device ${credentials.deviceId} at ${url.data}`);
  io.out(
    `wrote the platform section to ${file} (mode 0600); start the kiosk with --config ${file}`,
  );
  return 0;
}

/** K7QX-3MNP-9RTA, also typed in lower case, with spaces or without dashes. */
function normaliseCode(text: string): string {
  const bare = text.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z0-9]{12}$/.test(bare))
    throw new CliUsageError(
      `--code must be the 12-character enrolment code like K7QX-3MNP-9RTA, got '${text}'`,
    );
  return `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`;
}

/** The config file as a JSON object, {} when it does not exist; anything else stops before enrolling. */
function readConfigObject(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the config file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was enrolled`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${(error as Error).message}); fix or move it, nothing was enrolled`,
    );
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new Error(`${file} must hold a JSON object; nothing was enrolled`);
  return json as Record<string, unknown>;
}

/** Writes beside the target with mode 0600 and renames over it, so a crash leaves old or new, never half. */
function writePrivateJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600); // a stale temp file from a crash keeps its old mode through writeFileSync
  renameSync(temp, file);
}
