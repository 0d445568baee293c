import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../main/config/load-config';
import { PlatformClient } from '../../../main/sync/platform-client';
import type { PlatformProcess } from '../../support/platform-process';
import { runKioskctl } from '../../support/kioskctl';
import { backends, freshPlatform, stopPostgres } from './backends';
import { tempDir } from './station';

afterAll(stopPostgres);

const enrol = (...args: string[]) => runKioskctl(['enrol', ...args], { timeoutMs: 60_000 });
const mode = (file: string): number => statSync(file).mode & 0o777;

async function newCode(platform: PlatformProcess): Promise<string> {
  return (await platform.admin<{ code: string }>('POST', '/v1/admin/enrolment-codes', {})).code;
}

/**
 * A code whose day has passed, written straight into the platform's database: the admin endpoint
 * only makes codes valid for at least a minute, and a test cannot wait for one to lapse.
 */
async function expiredCode(platform: PlatformProcess): Promise<string> {
  const code = 'EXPD-2345-ABCD';
  const expiresAt = new Date(Date.now() - 3_600_000).toISOString();
  if (platform.options.databaseUrl) {
    const client = new pg.Client({ connectionString: platform.options.databaseUrl });
    await client.connect();
    await client.query('INSERT INTO enrolment_codes (code, name, expires_at) VALUES ($1, $2, $3)', [
      code,
      'expired',
      expiresAt,
    ]);
    await client.end();
  } else {
    const db = new Database(platform.options.dbFile as string);
    db.prepare('INSERT INTO enrolment_codes (code, name, expires_at) VALUES (?, ?, ?)').run(
      code,
      'expired',
      expiresAt,
    );
    db.close();
  }
  return code;
}

/** A loopback port nothing listens on (one just freed; fetch refuses low ports like 1 itself). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The credentials in a config file really work: a signed push with them is accepted. */
async function expectWorkingLink(file: string, platform: PlatformProcess): Promise<void> {
  const link = loadConfigFile(file).platform;
  if (!link) throw new Error(`${file} has no platform section`);
  expect(link.url).toBe(platform.url);
  const reply = await new PlatformClient(link).push([
    {
      uuid: randomUUID(),
      seq: 1,
      type: 'help.call',
      payload: { button: 'green' },
      deviceTime: '2026-11-23T09:00:00.000+08:00',
    },
  ]);
  expect(reply.results[0]?.status).toBe('accepted');
}

describe.each(backends)('kioskctl enrol against a real platform on %s', (backend) => {
  let platform: PlatformProcess;
  afterAll(() => platform?.stop());

  it('creates the config file with the platform section, mode 0600, and the link works', async () => {
    platform = await freshPlatform(backend);
    const file = join(tempDir(), 'new-dir', 'config.json');
    const r = await enrol(
      '--url',
      platform.url,
      '--code',
      (await newCode(platform)).toLowerCase(),
      '--config',
      file,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/enrolled as device dev_[0-9a-f]+/);
    expect(r.code).toBe(0);
    expect(mode(file)).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['platform']);
    await expectWorkingLink(file, platform);
  });

  it('merges into an existing config, keeping the other sections, and tightens its mode', async () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    const before = {
      station: { id: 'nx-lianshi-01', name: '练市镇照料中心', policyPack: 'nanxun-2023' },
      devices: [{ kind: 'card-reader', driver: 'em4100', path: '/dev/ttyUSB0', baud: 9600 }],
      platform: { url: 'http://old.example', deviceId: 'dev_old', secret: 'o'.repeat(43) },
    };
    writeFileSync(file, JSON.stringify(before));
    chmodSync(file, 0o644);
    const r = await enrol(
      '--url',
      platform.url,
      '--code',
      await newCode(platform),
      '--config',
      file,
    );
    expect(r.code).toBe(0);
    const after = JSON.parse(readFileSync(file, 'utf8')) as typeof before;
    expect(after.station).toEqual(before.station);
    expect(after.devices).toEqual(before.devices);
    expect(after.platform.deviceId).not.toBe('dev_old');
    expect(mode(file)).toBe(0o600);
    await expectWorkingLink(file, platform);
  });

  it('says a used, an unknown and an expired code apart, and leaves the file alone', async () => {
    const file = join(tempDir(), 'config.json');
    const code = await newCode(platform);
    expect((await enrol('--url', platform.url, '--code', code, '--config', file)).code).toBe(0);
    const written = readFileSync(file, 'utf8');
    const cases: [string, RegExp][] = [
      [code, new RegExp(`enrolment refused: the enrolment code ${code} was already used`)],
      ['ZZZZ-ZZZZ-ZZZZ', /enrolment refused: the enrolment code ZZZZ-ZZZZ-ZZZZ is unknown/],
      [
        await expiredCode(platform),
        /enrolment refused: the enrolment code EXPD-2345-ABCD expired at 20\d\d-/,
      ],
    ];
    for (const [given, message] of cases) {
      const r = await enrol('--url', platform.url, '--code', given, '--config', file);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(1);
    }
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('does not spend the code when the config file cannot be used', async () => {
    const file = join(tempDir(), 'config.json');
    writeFileSync(file, '{"station": ');
    const code = await newCode(platform);
    const bad = await enrol('--url', platform.url, '--code', code, '--config', file);
    expect(bad.stderr).toMatch(/config\.json is not valid JSON .*nothing was enrolled/);
    expect(bad.code).toBe(1);
    writeFileSync(file, '{}');
    expect((await enrol('--url', platform.url, '--code', code, '--config', file)).code).toBe(0);
  });
});

describe('kioskctl enrol without a platform', () => {
  it('says the platform is unreachable, naming the address and the reason', async () => {
    const port = await closedPort();
    const file = join(tempDir(), 'config.json');
    const r = await enrol(
      '--url',
      `http://127.0.0.1:${port}`,
      '--code',
      'K7QX-3MNP-9RTA',
      '--config',
      file,
    );
    expect(r.stderr).toMatch(
      new RegExp(
        `cannot reach the platform at http://127\\.0\\.0\\.1:${port}/v1/enrol: ECONNREFUSED`,
      ),
    );
    expect(r.code).toBe(1);
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    [
      ['--url', 'ftp://x', '--code', 'K7QX-3MNP-9RTA'],
      /--url must be an http:\/\/ or https:\/\/ address/,
    ],
    [['--url', 'http://x', '--code', 'K7QX'], /--code must be the 12-character enrolment code/],
    [['--url', 'http://x'], /usage: kioskctl enrol --url URL --code CODE/],
  ])('refuses %j as a usage error', async (args, message) => {
    const r = await enrol(...args);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });
});
