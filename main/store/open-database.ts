import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyKey, isPlainSqliteFile, type KeySource, type StationKey } from './cipher';
import { encryptPlainDatabase } from './encrypt-plain-database';
import { keyFilePath, keyFileSource } from './key-file';
import { migrations, latestSchemaVersion } from './migrations';
import type { Migration } from './migrations/migration';

export type Db = Database.Database;

/** Why a station database was refused. The message is written for the technician who reads it. */
export class DatabaseRefusedError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'newer-schema' | 'not-a-database' | 'wrong-key' | 'key',
    message: string,
  ) {
    super(message);
  }
}

export interface OpenOptions {
  /** where the key comes from; the default is the key file (`<dir of file>/db.key`, or $YIYANG_DB_KEY_FILE) */
  key?: KeySource;
  log?: (line: string) => void;
}

/**
 * Opens (or creates) a station database: encrypted with the station key (applied before any other
 * statement), WAL, synchronous=FULL, foreign keys on, checked with integrity_check, migrated
 * forward. A plain (unencrypted) station database is encrypted first, after the same checks. A
 * corrupt file, one from a newer version of the app, or one the key does not open is refused and
 * left exactly as it was, so staff can hand it to a technician. `:memory:` is not encrypted.
 */
export function openStationDatabase(
  file: string,
  list: readonly Migration[] = migrations,
  options: OpenOptions = {},
): Db {
  const memory = file === ':memory:';
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const existed = !memory && existsSync(file);
  const hasContent = existed && statSync(file).size > 0;
  const plain = hasContent && isPlainSqliteFile(file);
  const key = memory ? null : stationKey(file, options.key, hasContent && !plain);
  if (plain && key) encryptPlain(file, key, list.length, options.log ?? (() => undefined));
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (error) {
    throw new DatabaseRefusedError(
      'not-a-database',
      `cannot open the station database ${file}: ${message(error)}`,
    );
  }
  try {
    if (key) applyKey(db, key);
    checkReadable(db, file, key !== null);
    if (existed) checkIntegrity(db, file);
    checkNotNewer(db, file, list.length);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, list);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function stationKey(file: string, source: KeySource | undefined, encrypted: boolean): StationKey {
  const from = source ?? keyFileSource(keyFilePath(dirname(file)));
  try {
    return from({ mayCreate: !encrypted });
  } catch (error) {
    throw new DatabaseRefusedError(
      'key',
      encrypted
        ? `${file} is not a readable station database without its key: ${message(error)} It was left untouched.`
        : `cannot open the station database ${file}: ${message(error)}`,
    );
  }
}

/** Checks a plain station database like any other, then replaces it with an encrypted copy. */
function encryptPlain(file: string, key: StationKey, known: number, log: (l: string) => void) {
  const plain = new Database(file, { fileMustExist: true });
  try {
    checkReadable(plain, file, false);
    checkIntegrity(plain, file);
    checkNotNewer(plain, file, known);
  } catch (error) {
    plain.close();
    throw error;
  }
  try {
    encryptPlainDatabase(plain, file, key, log);
  } catch (error) {
    throw new DatabaseRefusedError(
      'not-a-database',
      `could not encrypt the plain station database ${file}: ${message(error)}. The plain original was kept as it was.`,
    );
  }
}

function checkReadable(db: Db, file: string, keyed: boolean): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (keyed && (error as { code?: string }).code === 'SQLITE_NOTADB')
      throw new DatabaseRefusedError(
        'wrong-key',
        `the database key does not open ${file}: wrong key or not an encrypted station database, so it is not a readable station database here. It was left untouched; check which key this station uses (docs/encryption.md), restore a backup made with 'kioskctl db backup', or move the file aside.`,
      );
    throw new DatabaseRefusedError(
      'not-a-database',
      `${file} is not a readable station database (${message(error)}). It was left untouched; restore a backup made with 'kioskctl db backup' or move the file aside.`,
    );
  }
}

function checkIntegrity(db: Db, file: string): void {
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
  } catch (error) {
    problems = [message(error)];
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new DatabaseRefusedError(
      'corrupt',
      `the station database ${file} failed its integrity check: ${problems.slice(0, 5).join('; ')}. It was left untouched; restore a backup made with 'kioskctl db backup'.`,
    );
  }
}

function checkNotNewer(db: Db, file: string, known: number): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > known) {
    throw new DatabaseRefusedError(
      'newer-schema',
      `the station database ${file} has schema version ${version}, newer than this app knows (${known}). It was left untouched; install the newer app version or restore an older backup.`,
    );
  }
}

function migrate(db: Db, list: readonly Migration[]): void {
  list.forEach((m, index) => {
    if (m.version !== index + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${index + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of list.slice(current)) {
    // Each step and its version bump commit together: a crash leaves the schema at a whole version.
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { latestSchemaVersion };
