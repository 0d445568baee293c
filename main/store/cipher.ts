import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';

/** The station database key: 32 random bytes, used as a raw SQLCipher key (no passphrase KDF). */
export type StationKey = Buffer;

export const KEY_BYTES = 32;

/**
 * Where a station's key comes from (the key file for the browser host, safeStorage in Electron).
 * `mayCreate` is true only when there is nothing encrypted yet (no database file, or a plain one
 * about to be encrypted): a key is never invented for a database that already has one.
 */
export type KeySource = (options: { mayCreate: boolean }) => StationKey;

/** The first 16 bytes of every unencrypted SQLite 3 file. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file is an unencrypted SQLite database (its header is in the clear). */
export function isPlainSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Keys a connection that was just opened, before any other statement touches the file. The
 * SQLCipher 4 scheme (AES-256-CBC with an HMAC-SHA512 on every page) is chosen over the library's
 * default ChaCha20 because its file format is the widely supported one: with the raw key, any
 * SQLCipher 4 tool (sqlcipher 4.x, DB Browser for SQLite) can open a station database for recovery
 * without this app. The HMAC also makes a damaged or tampered page fail loudly.
 */
export function applyKey(db: Database.Database, key: StationKey): void {
  if (key.length !== KEY_BYTES) throw new Error(`a station key is ${KEY_BYTES} bytes`);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Opens an existing encrypted station file with its key (for checks, backups and tests). */
export function openKeyedFile(
  file: string,
  key: StationKey,
  options: { readonly?: boolean } = {},
): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: true });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Row count per table: what a migration or a backup must carry over unchanged. */
export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    counts[name] = db.prepare(`SELECT count(*) FROM ${quoted}`).pluck().get() as number;
  }
  return counts;
}
