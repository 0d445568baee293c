import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES, type KeySource, type StationKey } from '../store/cipher';
import { SAFE_STORAGE_FILE, keyFileSource } from '../store/key-file';

/**
 * The Electron shell's database key: 32 random bytes made once, kept in the user data dir sealed
 * by the OS keystore through safeStorage (DPAPI on Windows, the Keychain on macOS, libsecret or
 * KWallet on Linux). Where no keystore is available it refuses rather than store the key in the
 * clear. $YIYANG_DB_KEY_FILE switches to a key file, as the browser host uses.
 */
export function safeStorageKeySource(
  userDataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): KeySource {
  if (env.YIYANG_DB_KEY_FILE) return keyFileSource(env.YIYANG_DB_KEY_FILE);
  const path = join(userDataDir, SAFE_STORAGE_FILE);
  return ({ mayCreate }) => {
    if (existsSync(path)) return unseal(path);
    if (!mayCreate)
      throw new Error(
        `the sealed database key ${path} is missing. Restore it (with the same OS user on the same machine) or see docs/encryption.md; a new key cannot open a database encrypted with the old one.`,
      );
    return createSealedKey(path);
  };
}

function requireKeystore(): void {
  if (!safeStorage.isEncryptionAvailable())
    throw new Error(
      'the OS keystore is not available to Electron safeStorage, so the database key cannot be stored safely; refusing to store it in the clear. Set YIYANG_DB_KEY_FILE to a key file instead (docs/encryption.md).',
    );
  // On Linux without libsecret or KWallet, Chromium falls back to a fixed password: not a keystore.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
    throw new Error(
      "Electron safeStorage has no keystore on this Linux desktop (backend 'basic_text', a fixed password), so the database key cannot be stored safely. Install and unlock gnome-keyring or KWallet, or set YIYANG_DB_KEY_FILE (docs/encryption.md).",
    );
}

function unseal(path: string): StationKey {
  requireKeystore();
  let hex: string;
  try {
    hex = safeStorage.decryptString(readFileSync(path));
  } catch (error) {
    throw new Error(
      `the sealed database key ${path} cannot be unsealed by this OS user's keystore (${error instanceof Error ? error.message : String(error)}); it was left untouched.`,
    );
  }
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new Error(`the sealed database key ${path} does not hold a station key`);
  return Buffer.from(hex, 'hex');
}

function createSealedKey(path: string): StationKey {
  requireKeystore();
  const key = randomBytes(KEY_BYTES);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, safeStorage.encryptString(key.toString('hex')), { mode: 0o600, flag: 'w' });
  try {
    linkSync(temp, path); // appears whole, and never replaces a key that is already there
  } finally {
    rmSync(temp, { force: true });
  }
  return key;
}
