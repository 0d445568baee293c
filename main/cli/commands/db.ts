import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CliUsageError, type CliIo } from '../cli-io';
import { databaseFile, defaultDataDir } from '../../boot/data-dir';
import { openStationDatabase } from '../../store/open-database';

function stationFile(args: string[], extra: Record<string, { type: 'string' }> = {}) {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, ...extra },
    allowPositionals: true,
    strict: true,
  });
  const file = databaseFile(values['data-dir'] ?? defaultDataDir());
  if (!existsSync(file))
    throw new CliUsageError(`no station database at ${file} (give --data-dir)`);
  return { file, positionals };
}

/**
 * `kioskctl db backup [--data-dir D] FILE`: a consistent copy through SQLite's online backup API,
 * safe while the kiosk is running; the copy is checked before it is reported done.
 */
export async function runDbBackup(args: string[], io: CliIo): Promise<number> {
  const { file, positionals } = stationFile(args);
  const target = positionals[0];
  if (!target || positionals.length > 1)
    throw new CliUsageError('usage: kioskctl db backup [--data-dir D] FILE');
  if (existsSync(target))
    throw new CliUsageError(`${target} already exists; choose a new file name`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new Error(`the backup ${target} failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
  io.out(`backed up ${file} to ${target}`);
  return 0;
}

/** `kioskctl db verify [--data-dir D]`: integrity check and schema version, without changing anything. */
export async function runDbVerify(args: string[], io: CliIo): Promise<number> {
  const { file } = stationFile(args);
  // openStationDatabase refuses a corrupt or newer file with the same message the kiosk would show.
  const db = openStationDatabase(file);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    io.out(`ok: ${file} passed its integrity check (schema version ${version})`);
  } finally {
    db.close();
  }
  return 0;
}
