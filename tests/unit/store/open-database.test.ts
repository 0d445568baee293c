import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseRefusedError, openStationDatabase } from '../../../main/store/open-database';
import { latestSchemaVersion, migrations } from '../../../main/store/migrations';
import type { Migration } from '../../../main/store/migrations/migration';
import { makeTempDir } from '../../support/temp-dir';
import { openStationFile } from '../../support/station-db';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openStationDatabase (real SQLite files)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = join(temp.dir, 'station.db');
  });
  afterEach(() => temp.remove());

  it('creates the file with WAL, synchronous=FULL, foreign keys on and every migration applied', () => {
    const db = openStationDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'elders',
        'cards',
        'outbox',
        'device_sequence',
        'menu_items',
        'services',
      ]),
    );
    db.close();
  });

  it('refuses a card bound to an elder who does not exist (foreign keys are enforced)', () => {
    const db = openStationDatabase(file);
    expect(() =>
      db
        .prepare("INSERT INTO cards (uid, elder_id, bound_at) VALUES ('AABBCCDD', 'nobody', 'x')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('migrates forward step by step, and a reopened database is left at the same version', () => {
    const first: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' };
    const second: Migration = { version: 2, name: 'two', sql: 'ALTER TABLE a ADD COLUMN y TEXT;' };
    openStationDatabase(file, [first]).close();
    const db = openStationDatabase(file, [first, second]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare("INSERT INTO a (x, y) VALUES (1, 'b')").run();
    db.close();
    const again = openStationDatabase(file, [first, second]);
    expect(again.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 1 });
    again.close();
  });

  it('rolls back a migration that fails, leaving the earlier version intact', () => {
    const first: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' };
    const broken: Migration = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE b (x INTEGER); CREATE TABLE a (x INTEGER);',
    };
    openStationDatabase(file, [first]).close();
    expect(() => openStationDatabase(file, [first, broken])).toThrow(/already exists/);
    const raw = openStationFile(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'b'").get()).toEqual({
      n: 0,
    });
    raw.close();
  });

  it('refuses a database from a newer app version and leaves the file byte for byte as it was', () => {
    openStationDatabase(file).close();
    const raw = openStationFile(file);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    const before = sha(file);
    const error = (() => {
      try {
        openStationDatabase(file);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DatabaseRefusedError);
    expect((error as DatabaseRefusedError).reason).toBe('newer-schema');
    expect((error as Error).message).toMatch(/schema version \d+, newer than this app knows/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database and never overwrites it', () => {
    writeFileSync(file, 'this is not sqlite, it is a shopping list: rice, eggs, tofu'.repeat(200));
    const before = sha(file);
    expect(() => openStationDatabase(file)).toThrow(DatabaseRefusedError);
    expect(() => openStationDatabase(file)).toThrow(/not a readable station database/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a database whose pages are damaged (integrity_check fails) and leaves it untouched', () => {
    const db = openStationDatabase(file);
    const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`key-${i}`, 'x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over the middle of the file, past the header, where index and table pages live.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const before = sha(file);
    let reason: string | null = null;
    try {
      openStationDatabase(file).close();
    } catch (e) {
      reason = e instanceof DatabaseRefusedError ? e.reason : 'other';
    }
    expect(['corrupt', 'not-a-database']).toContain(reason);
    expect(sha(file)).toBe(before);
  });
});
