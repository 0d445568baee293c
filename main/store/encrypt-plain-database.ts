import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openKeyedFile, rowCounts, type StationKey } from './cipher';

/**
 * Replaces an unencrypted station database with an encrypted copy. The plain file is checked by
 * the caller first (integrity, schema version). Then: its WAL is checkpointed, a copy is made with
 * VACUUM INTO and encrypted with rekey, the copy is checked (integrity_check, same schema version,
 * same row count in every table), and only then renamed over the original. A crash at any point
 * before the rename leaves the plain original whole, and the next start does it again. It takes
 * over `plain` and closes it.
 */
export function encryptPlainDatabase(
  plain: Database.Database,
  file: string,
  key: StationKey,
  log: (line: string) => void,
): void {
  const started = Date.now();
  const temp = `${file}.encrypting`;
  let counts: Record<string, number>;
  try {
    counts = rowCounts(plain);
    const version = plain.pragma('user_version', { simple: true }) as number;
    // Fold the WAL into the main file so nothing lives only in a -wal that the swap would orphan.
    const [checkpoint] = plain.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint && checkpoint.busy !== 0)
      throw new Error(
        `the plain station database ${file} is in use by another process; stop it, then start again to encrypt it`,
      );
    removeTemp(temp);
    plain.prepare('VACUUM INTO ?').run(temp);
    const copy = new Database(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE'); // rekey does not run in WAL mode
      copy.pragma(`cipher = 'sqlcipher'`);
      copy.pragma('legacy = 4');
      copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      copy.close();
    }
    verifyCopy(temp, key, counts, version);
    fsyncFile(temp);
    plain.close();
    // The last connection to close removes the -wal; if it is still there another process has the
    // plain file open, and a plain -wal must never meet the encrypted file.
    if (existsSync(`${file}-wal`))
      throw new Error(
        `the plain station database ${file} is in use by another process; stop it, then start again to encrypt it`,
      );
    rmSync(`${file}-shm`, { force: true });
    renameSync(temp, file);
    fsyncFile(dirname(file));
  } catch (error) {
    plain.close();
    removeTemp(temp);
    throw error;
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  log(
    `encrypted the plain station database ${file}: ${rows} rows in ${Object.keys(counts).length} tables copied, checked and swapped in ${Date.now() - started} ms; the plain original was replaced`,
  );
}

function verifyCopy(
  temp: string,
  key: StationKey,
  counts: Record<string, number>,
  version: number,
): void {
  const db = openKeyedFile(temp, key);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the encrypted copy failed its integrity check`);
    if (db.pragma('user_version', { simple: true }) !== version)
      throw new Error('the encrypted copy has a different schema version');
    const copied = rowCounts(db);
    for (const [table, n] of Object.entries(counts))
      if (copied[table] !== n)
        throw new Error(`the encrypted copy has ${copied[table]} rows in ${table}, not ${n}`);
  } finally {
    db.close();
  }
  refuseIfReadableWithoutKey(temp);
}

function refuseIfReadableWithoutKey(temp: string): void {
  const db = new Database(temp, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    throw new Error('the copy can still be read without the key; it was not encrypted');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
  } finally {
    db.close();
  }
}

function removeTemp(temp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
