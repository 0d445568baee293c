import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

// A stand-in keystore that seals by XOR: enough to see that the file never holds the key as is.
const keystore = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keystore.available,
    getSelectedStorageBackend: () => keystore.backend,
    encryptString: (text: string) => Buffer.from(Buffer.from(text).map((b) => b ^ 0x5a)),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString(),
  },
}));

describe('the Electron database key sealed with safeStorage (safeStorage mocked: no Electron binary here)', async () => {
  const { safeStorageKeySource } = await import('../../../main/electron/safe-storage-key');
  const temp = makeTempDir();
  afterAll(() => temp.remove());
  let dir: string;
  let n = 0;
  beforeEach(() => {
    keystore.available = true;
    keystore.backend = 'gnome_libsecret';
    dir = join(temp.dir, `user-data-${n++}`);
  });

  it('makes a random key once, stores it only sealed, and unseals the same key later', () => {
    mkdirSync(dir);
    const source = safeStorageKeySource(dir, {});
    const key = source({ mayCreate: true });
    expect(key).toHaveLength(32);
    const sealed = readFileSync(join(dir, 'db-key.safe'));
    expect(sealed.includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(source({ mayCreate: false }).equals(key)).toBe(true);
    expect(source({ mayCreate: true }).equals(key)).toBe(true);
  });

  it('refuses rather than store the key in the clear when no keystore is available', () => {
    keystore.available = false;
    expect(() => safeStorageKeySource(dir, {})({ mayCreate: true })).toThrow(
      /refusing to store it in the clear/,
    );
    expect(existsSync(join(dir, 'db-key.safe'))).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    "refuses Linux's basic_text fallback, which is a fixed password and not a keystore",
    () => {
      keystore.backend = 'basic_text';
      expect(() => safeStorageKeySource(dir, {})({ mayCreate: true })).toThrow(/basic_text/);
    },
  );

  it('refuses to invent a key when the database already exists and the sealed key is gone', () => {
    expect(() => safeStorageKeySource(dir, {})({ mayCreate: false })).toThrow(
      /sealed database key .*db-key\.safe is missing/,
    );
  });

  it('uses the key file named by YIYANG_DB_KEY_FILE instead, when set', () => {
    const path = join(temp.dir, 'site.key');
    const key = safeStorageKeySource(dir, { YIYANG_DB_KEY_FILE: path })({ mayCreate: true });
    expect(readFileSync(path, 'latin1').trim()).toBe(key.toString('hex'));
    expect(existsSync(join(dir, 'db-key.safe'))).toBe(false);
  });
});
