import { chmodSync, chownSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyFilePath, readKeyFile } from '../../../main/store/key-file';
import { openStationDatabase } from '../../../main/store/open-database';
import { makeTempDir } from '../../support/temp-dir';

describe('the browser host key file (real files)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let path: string;
  beforeEach(() => {
    temp = makeTempDir();
    path = join(temp.dir, 'db.key');
  });
  afterEach(() => temp.remove());

  it('is made once, 64 hex digits, mode 0600, and read back as the same 32 bytes', () => {
    const key = readKeyFile(path, true);
    expect(key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'latin1')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(readKeyFile(path, false).equals(key)).toBe(true);
    expect(readKeyFile(path, true).equals(key)).toBe(true); // never replaced
  });

  it('is refused when group or others can read it, naming the chmod that fixes it', () => {
    readKeyFile(path, true);
    chmodSync(path, 0o644);
    expect(() => readKeyFile(path, false)).toThrow(
      `the database key file ${path} can be read by other users (mode 644); run 'chmod 600 ${path}' and start again.`,
    );
    chmodSync(path, 0o640);
    expect(() => readKeyFile(path, false)).toThrow(/mode 640.*chmod 600/);
  });

  it.runIf(process.getuid?.() === 0)('is refused when another user owns it', () => {
    readKeyFile(path, true);
    chownSync(path, 1, 1);
    expect(() => readKeyFile(path, false)).toThrow(
      /belongs to user 1, not to the user running the kiosk \(0\); run 'chown 0 /,
    );
  });

  it('is refused, and left alone, when it is not exactly 64 hex digits', () => {
    for (const text of [
      'abc\n',
      `${'a'.repeat(64)}\n\n`,
      `${'A'.repeat(64)}\n`,
      `${'g'.repeat(64)}`,
    ]) {
      writeFileSync(path, text, { mode: 0o600 });
      expect(() => readKeyFile(path, false)).toThrow(
        /is not a station key \(expected exactly 64 hex digits/,
      );
      expect(readFileSync(path, 'latin1')).toBe(text);
    }
  });

  it('stops the station with the key file named when its mode is too open', () => {
    const file = join(temp.dir, 'station.db');
    openStationDatabase(file).close();
    chmodSync(path, 0o604);
    expect(() => openStationDatabase(file)).toThrow(/chmod 600 .*db\.key/);
  });

  it('is not created for a missing key when an encrypted database already exists', () => {
    expect(() => readKeyFile(path, false)).toThrow(
      /db\.key is missing\. Restore it from your key backup/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('lives in the data dir unless YIYANG_DB_KEY_FILE says where', () => {
    expect(keyFilePath('/var/lib/yiyang', {})).toBe('/var/lib/yiyang/db.key');
    expect(keyFilePath('/var/lib/yiyang', { YIYANG_DB_KEY_FILE: '/etc/yiyang/db.key' })).toBe(
      '/etc/yiyang/db.key',
    );
  });
});
