import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../store/open-database';

export const PEPPER_FILE = 'staff-pin-pepper';

/** In-memory databases (tests) get a pepper that lives as long as the process. */
const memoryPepper = randomBytes(32);

/**
 * The per-device pepper mixed into every PIN hash. It lives in the data dir beside the database,
 * never in it, so a copied station.db alone cannot be brute-forced for 6-digit PINs. Created once
 * with mode 0600; a file found with looser bits is tightened.
 */
export function loadPepper(dataDir: string | null): Buffer {
  if (dataDir === null) return memoryPepper;
  const file = join(dataDir, PEPPER_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of the same station made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new Error(`the staff PIN pepper ${file} is damaged; staff PINs cannot be checked`);
  return Buffer.from(hex, 'hex');
}

/** The data dir of a station database, or null for an in-memory one. */
export function dataDirOf(db: Db): string | null {
  return db.memory || db.name === '' || db.name === ':memory:' ? null : dirname(db.name);
}
