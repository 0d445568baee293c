import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { KEY_BYTES, type KeySource, type StationKey } from './cipher';

/**
 * The browser host's key: a file holding the key as 64 hex digits and a newline, readable by its
 * owner only. `YIYANG_DB_KEY_FILE` moves it out of the data dir (recommended: somewhere that is
 * not copied with the data dir's backups).
 */
export function keyFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.YIYANG_DB_KEY_FILE || join(dataDir, 'db.key');
}

export function keyFileSource(path: string): KeySource {
  return ({ mayCreate }) => readKeyFile(path, mayCreate);
}

const FORMAT = /^[0-9a-f]{64}\n?$/;

/** The Electron shell's key, sealed with safeStorage (main/electron/safe-storage-key.ts). */
export const SAFE_STORAGE_FILE = 'db-key.safe';

export function readKeyFile(path: string, mayCreate: boolean): StationKey {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!mayCreate) {
      const electron = existsSync(join(dirname(path), SAFE_STORAGE_FILE))
        ? ` This data dir's key is held by the Electron app (${SAFE_STORAGE_FILE}, sealed by the OS keystore); open it from the kiosk app, or see docs/encryption.md.`
        : '';
      throw new Error(
        `the database key file ${path} is missing. Restore it from your key backup (docs/encryption.md); a new key cannot open a database encrypted with the old one.${electron}`,
      );
    }
    return createKeyFile(path);
  }
  if (process.platform !== 'win32') {
    if ((stat.mode & 0o077) !== 0)
      throw new Error(
        `the database key file ${path} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); run 'chmod 600 ${path}' and start again.`,
      );
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid)
      throw new Error(
        `the database key file ${path} belongs to user ${stat.uid}, not to the user running the kiosk (${uid}); run 'chown ${uid} ${path}' as root and start again.`,
      );
  }
  const text = readFileSync(path, 'latin1');
  if (!FORMAT.test(text))
    throw new Error(
      `the database key file ${path} is not a station key (expected exactly 64 hex digits 0-9a-f and a newline, found ${text.length} characters). It was left untouched; restore it from your key backup.`,
    );
  return Buffer.from(text.slice(0, 64), 'hex');
}

/** Writes a new random key with mode 0600; link() makes it appear whole, and never overwrites. */
function createKeyFile(path: string): StationKey {
  const key = randomBytes(KEY_BYTES);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, path);
  } catch (error) {
    // Another process created it first: use theirs, so both open the same database.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(path, false);
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return key;
}
