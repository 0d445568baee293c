import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations, latestSchemaVersion } from './migrations';
import type { Migration } from './migrations/migration';

export type Db = Database.Database;

/** Why a station database was refused. The message is written for the technician who reads it. */
export class DatabaseRefusedError extends Error {
  constructor(
    readonly reason: 'corrupt' | 'newer-schema' | 'not-a-database',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Opens (or creates) a station database: WAL, synchronous=FULL, foreign keys on, checked with
 * integrity_check, migrated forward. A corrupt file or one from a newer version of the app is
 * refused and left exactly as it was, so staff can hand it to a technician.
 */
export function openStationDatabase(file: string, list: readonly Migration[] = migrations): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const existed = file !== ':memory:' && existsSync(file);
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
    checkReadable(db, file);
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

function checkReadable(db: Db, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
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
