import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CliUsageError, type CliIo } from '../cli-io';
import { databaseFile, defaultDataDir } from '../../boot/data-dir';
import { openStationDatabase } from '../../store/open-database';
import { migrations } from '../../store/migrations';
import { isPlainSqliteFile, openKeyedFile } from '../../store/cipher';
import { keyFileSource, keyFilePath } from '../../store/key-file';

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
 * `kioskctl db backup [--data-dir D] FILE`: a consistent snapshot made with VACUUM INTO, safe
 * while the kiosk is running. An encrypted station gives an encrypted backup with the same key
 * (SQLite's backup API would refuse an unkeyed target). The copy is checked before it is reported
 * done.
 */
export async function runDbBackup(args: string[], io: CliIo): Promise<number> {
  const { file, positionals } = stationFile(args);
  const target = positionals[0];
  if (!target || positionals.length > 1)
    throw new CliUsageError('usage: kioskctl db backup [--data-dir D] FILE');
  if (existsSync(target))
    throw new CliUsageError(`${target} already exists; choose a new file name`);
  const key = isPlainSqliteFile(file)
    ? null
    : keyFileSource(keyFilePath(dirname(file)))({ mayCreate: false });
  const open = (path: string) =>
    key
      ? openKeyedFile(path, key, { readonly: true })
      : new Database(path, { readonly: true, fileMustExist: true });
  const db = open(file);
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const copy = open(target);
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new Error(`the backup ${target} failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
  const fd = openSync(target, 'r');
  fsyncSync(fd);
  closeSync(fd);
  io.out(
    key
      ? `backed up ${file} to ${target} (encrypted with the station's key: keep a copy of the key too)`
      : `backed up ${file} to ${target} (not encrypted: the kiosk encrypts the station database at its next start)`,
  );
  return 0;
}

/**
 * `kioskctl db verify [--data-dir D]`: integrity check and schema version, opened with the key. It
 * opens the station as the kiosk would, so a plain database from an earlier version is encrypted
 * (and an older schema migrated) on the way, and says so.
 */
export async function runDbVerify(args: string[], io: CliIo): Promise<number> {
  const { file } = stationFile(args);
  // openStationDatabase refuses a corrupt or newer file with the same message the kiosk would show.
  const db = openStationDatabase(file, migrations, { log: (line) => io.err(line) });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    io.out(`ok: ${file} passed its integrity check (schema version ${version})`);
  } finally {
    db.close();
  }
  return 0;
}
