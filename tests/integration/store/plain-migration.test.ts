import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { isPlainSqliteFile } from '../../../main/store/cipher';
import { migrations } from '../../../main/store/migrations';
import { DatabaseRefusedError, openStationDatabase } from '../../../main/store/open-database';
import { makeTempDir } from '../../support/temp-dir';
import { openStationFile } from '../../support/station-db';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A station database as the app wrote it before encryption: plain SQLite, demo data, WAL. */
function writePlainStation(file: string, extraRows: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const m of migrations) {
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  }
  seedDemoStation(db, '2026-11-23');
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < extraRows; i++) insert.run(`note-${i}`, `张桂英 的第 ${i} 条记录`);
  })();
  return db;
}

/** Every row of every table, in a stable order: what must survive the migration. */
function dump(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  );
}

describe('an existing plain station database is encrypted on open (real SQLite files)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = join(temp.dir, 'station.db');
  });
  afterEach(() => temp.remove());

  it('keeps every row, including rows still in the WAL of a kiosk that crashed, and says so in the log', () => {
    const N = 20_000;
    // A kiosk killed mid-run: its last writes are only in station.db-wal. Copy both files while
    // the writer still holds them, as a crash would leave them.
    const writer = writePlainStation(join(temp.dir, 'writer.db'), N);
    const expected = dump(writer);
    copyFileSync(join(temp.dir, 'writer.db'), file);
    copyFileSync(join(temp.dir, 'writer.db-wal'), `${file}-wal`);
    writer.close();
    expect(isPlainSqliteFile(file)).toBe(true);
    expect(readFileSync(`${file}-wal`).includes(Buffer.from('陆秀珍'))).toBe(true);

    const log: string[] = [];
    const started = Date.now();
    const db = openStationDatabase(file, migrations, { log: (l) => log.push(l) });
    const ms = Date.now() - started;
    expect(dump(db)).toEqual(expected);
    db.close();
    console.log(`plain-migration: ${N} extra rows plus the demo station encrypted in ${ms} ms`);

    expect(log.join('\n')).toMatch(
      /encrypted the plain station database .*station\.db: \d+ rows in \d+ tables copied, checked and swapped in \d+ ms; the plain original was replaced/,
    );
    expect(isPlainSqliteFile(file)).toBe(false);
    for (const name of readdirSync(temp.dir).filter((n) => n.startsWith('station.db'))) {
      const bytes = readFileSync(join(temp.dir, name));
      expect(bytes.includes(Buffer.from('陆秀珍')), name).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3')), name).toBe(false);
    }
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    // Opened again, it is the encrypted database that opens; nothing is migrated twice.
    const again = openStationDatabase(file, migrations, { log: (l) => log.push(l) });
    expect(dump(again)).toEqual(expected);
    again.close();
    expect(log.filter((l) => l.startsWith('encrypted'))).toHaveLength(1);
  });

  it('an interrupted migration loses nothing: a half-written encrypted copy is discarded and the plain original is encrypted again', () => {
    const plain = writePlainStation(file, 100);
    const expected = dump(plain);
    plain.close();
    // What a power cut during the copy leaves behind: the untouched original and a partial copy.
    writeFileSync(`${file}.encrypting`, Buffer.alloc(8192, 0x42));
    const db = openStationDatabase(file);
    expect(dump(db)).toEqual(expected);
    db.close();
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(isPlainSqliteFile(file)).toBe(false);
  });

  it('refuses a plain database from a newer app version, byte for byte untouched and not encrypted', () => {
    const plain = writePlainStation(file, 0);
    plain.pragma(`user_version = ${migrations.length + 3}`);
    plain.close();
    const before = sha(file);
    let error: unknown = null;
    try {
      openStationDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseRefusedError);
    expect((error as DatabaseRefusedError).reason).toBe('newer-schema');
    expect(sha(file)).toBe(before);
    expect(isPlainSqliteFile(file)).toBe(true);
    expect(existsSync(`${file}.encrypting`)).toBe(false);
  });

  it('the migrated database opens with the key file made for it, which only its owner can read', () => {
    writePlainStation(file, 10).close();
    openStationDatabase(file).close();
    const db = openStationFile(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM elders').pluck().get()).toBeGreaterThan(10);
    db.close();
    expect(statSync(join(temp.dir, 'db.key')).mode & 0o777).toBe(0o600);
  });
});
