import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoElders } from '../../../main/demo/demo-elders';
import { runKioskctl } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';
import { openStationFile } from '../../support/station-db';

// kioskctl run as a real child process, as a technician would.
describe('kioskctl roster import, db backup, db verify, serve errors', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('imports good records before the first start, lists bad ones by index and field, adds no demo data', async () => {
    const file = join(temp.dir, 'roster.json');
    const [a, b] = demoElders;
    writeFileSync(file, JSON.stringify([a, { ...b, gender: 'other' }, { id: 'x' }]));
    const run = await runKioskctl(['roster', 'import', '--data-dir', temp.dir, file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('imported 1 elder record(s); 2 refused');
    expect(run.stderr).toMatch(/record 1 \(nx-0002\): gender:/);
    expect(run.stderr).toMatch(/record 2 \(x\): name:/);
    const db = openStationFile(join(temp.dir, 'station.db'), { readonly: true });
    expect(db.prepare('SELECT id FROM elders').all()).toEqual([{ id: a?.id }]);
    expect(db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'demo-station'").get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('refuses a roster file that is not JSON, with exit code 2', async () => {
    const file = join(temp.dir, 'roster.json');
    writeFileSync(file, '[{');
    const run = await runKioskctl(['roster', 'import', '--data-dir', temp.dir, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/roster\.json is not valid JSON/);
  });

  it('backs up a station database (an encrypted VACUUM INTO snapshot) and verifies both', async () => {
    const file = join(temp.dir, 'roster.json');
    writeFileSync(file, JSON.stringify(demoElders));
    expect((await runKioskctl(['roster', 'import', '--data-dir', temp.dir, file])).code).toBe(0);
    const copy = join(temp.dir, 'backup.db');
    const backup = await runKioskctl(['db', 'backup', '--data-dir', temp.dir, copy]);
    expect(backup.code).toBe(0);
    expect(existsSync(copy)).toBe(true);
    const db = openStationFile(copy, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM elders').get()).toEqual({ n: demoElders.length });
    db.close();
    const verify = await runKioskctl(['db', 'verify', '--data-dir', temp.dir]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/ok: .* passed its integrity check \(schema version \d+\)/);
    expect((await runKioskctl(['db', 'backup', '--data-dir', temp.dir, copy])).stderr).toMatch(
      /already exists/,
    );
  });

  it('stops serve on a config with a wrong key, naming it, before opening anything', async () => {
    const config = join(temp.dir, 'station.json');
    writeFileSync(config, JSON.stringify({ station: { name: 'x', langauge: 'wuu' } }));
    const run = await runKioskctl([
      'serve',
      '--data-dir',
      temp.dir,
      '--config',
      config,
      '--port',
      '0',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown key 'station.langauge'");
    expect(existsSync(join(temp.dir, 'station.db'))).toBe(false);
  });

  it('stops serve on a corrupt database with a clear message and leaves it alone', async () => {
    writeFileSync(join(temp.dir, 'station.db'), 'garbage'.repeat(1000));
    const run = await runKioskctl(['serve', '--data-dir', temp.dir, '--port', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not a readable station database .* left untouched/);
  });

  it('answers unknown commands and options with usage and exit code 2', async () => {
    expect((await runKioskctl(['frobnicate'])).code).toBe(2);
    const bad = await runKioskctl(['db', 'verify', '--data-dri', temp.dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/data-dri/);
  });
});
