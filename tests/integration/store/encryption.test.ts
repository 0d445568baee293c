import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../main/config/load-config';
import { startStation } from '../../../main/boot/start-station';
import { runDbBackup, runDbVerify } from '../../../main/cli/commands/db';
import { DatabaseRefusedError, openStationDatabase } from '../../../main/store/open-database';
import { migrations } from '../../../main/store/migrations';
import { openKeyedFile } from '../../../main/store/cipher';
import type { CliIo } from '../../../main/cli/cli-io';
import { projectRoot } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';
import { openStationFile, stationKeyFor } from '../../support/station-db';

const NAMES = ['张桂英', '陆秀珍'];
const PLAIN_HEADER = 'SQLite format 3';

/** What a thief who copies the files would find: any readable name or the SQLite header. */
function readableSecrets(file: string): string[] {
  const bytes = readFileSync(file);
  return [...NAMES, PLAIN_HEADER].filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function captureIo(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

/** The Debian sqlite3 shell, as someone without the key would use it. */
function sqlite3(file: string, sql: string) {
  const run = spawnSync('sqlite3', [file, sql], { encoding: 'utf8' });
  if (run.error)
    throw new Error(`the sqlite3 shell is needed (apt-get install sqlite3): ${run.error.message}`);
  return run;
}

describe('the station database is encrypted at rest (real SQLite files)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = join(temp.dir, 'station.db');
  });
  afterEach(() => temp.remove());

  async function runDemoStation(): Promise<void> {
    const log: string[] = [];
    const station = startStation({
      dataDir: temp.dir,
      config: defaultConfig,
      demo: true,
      firstRunDemo: true,
      localesDir: join(projectRoot, 'locales'),
      log: (l) => log.push(l),
    });
    await station.ready;
    // While it runs, the WAL holds the newest pages: it must be as unreadable as the main file.
    for (const name of readdirSync(temp.dir).filter((n) => n.startsWith('station.db')))
      expect(readableSecrets(join(temp.dir, name)), name).toEqual([]);
    expect(log).toContain('seeded the demo station');
    await station.close();
  }

  it('the database file has no readable names: a demo station leaves no name bytes and no SQLite header on disk', async () => {
    await runDemoStation();
    expect(readableSecrets(file)).toEqual([]);
    // The data is there, for the one who has the key.
    const db = openStationFile(file, { readonly: true });
    const names = db.prepare('SELECT name FROM elders').pluck().all();
    db.close();
    expect(names).toEqual(expect.arrayContaining(NAMES));
  });

  it('the plain sqlite3 shell cannot read it', async () => {
    await runDemoStation();
    const run = sqlite3(file, 'SELECT name FROM elders');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/file is not a database/);
    expect(run.stdout).not.toContain(NAMES[0]);
  });

  it('refuses a wrong key with a clear message and leaves the file byte for byte as it was', async () => {
    await runDemoStation();
    const before = sha(file);
    const wrong = Buffer.alloc(32, 7);
    let error: unknown = null;
    try {
      openStationDatabase(file, migrations, { key: () => wrong });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseRefusedError);
    expect((error as DatabaseRefusedError).reason).toBe('wrong-key');
    expect((error as Error).message).toContain(
      `the database key does not open ${file}: wrong key or not an encrypted station database`,
    );
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // The right key still opens it afterwards.
    openStationDatabase(file).close();
  });

  it('refuses to start when the key file of an encrypted database is missing, and invents no new key', async () => {
    await runDemoStation();
    const key = join(temp.dir, 'db.key');
    const saved = readFileSync(key);
    const before = sha(file);
    rmSync(key);
    expect(() => openStationDatabase(file)).toThrow(
      /not a readable station database without its key: the database key file .*db\.key is missing/,
    );
    expect(existsSync(key)).toBe(false);
    expect(sha(file)).toBe(before);
    writeFileSync(key, saved, { mode: 0o600 });
    openStationDatabase(file).close();
  });

  it('db backup writes an encrypted copy with the same key, and db verify opens the station with its key', async () => {
    await runDemoStation();
    const target = join(temp.dir, 'backup.db');
    const io = captureIo();
    expect(await runDbBackup(['--data-dir', temp.dir, target], io)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/backed up .* \(encrypted with the station's key/);
    expect(readableSecrets(target)).toEqual([]);
    expect(sqlite3(target, 'SELECT count(*) FROM elders').status).not.toBe(0);
    const [original, copy] = [file, target].map((f) => {
      const db = openKeyedFile(f, stationKeyFor(file), { readonly: true });
      const rows = db.prepare('SELECT * FROM elders ORDER BY id').all();
      db.close();
      return rows;
    });
    expect(copy).toEqual(original);
    expect(copy?.length).toBeGreaterThan(10);

    const verify = captureIo();
    expect(await runDbVerify(['--data-dir', temp.dir], verify)).toBe(0);
    expect(verify.lines.join('\n')).toMatch(
      /ok: .* passed its integrity check \(schema version \d+\)/,
    );
  });
});
