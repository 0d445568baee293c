import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server on loopback for tests: initdb into a temporary directory, pg_ctl
 * start on a free port, one fresh database per caller, removed at stop. `npm test` needs nothing
 * else than the postgresql package (Debian: /usr/lib/postgresql/<v>/bin). As root, the server runs
 * as the `postgres` user, because PostgreSQL refuses to run as root.
 *
 * YIYANG_TEST_DATABASE_URL (an admin URL to an existing server) skips starting one.
 */
export interface TestPostgres {
  /** creates an empty database and returns its URL */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export function findPostgresBin(): string | null {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb')))
    return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions)
    if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (process.env.YIYANG_TEST_DATABASE_URL) return null;
  if (!findPostgresBin())
    return 'no PostgreSQL server binaries (install Debian postgresql or set PG_BIN)';
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0)
    return 'running as root and there is no postgres user';
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function adminDatabase(adminUrl: string): TestPostgres & { adminUrl: string } {
  let n = 0;
  return {
    adminUrl,
    async createDatabase() {
      n += 1;
      const name = `yiyang_test_${process.pid}_${Date.now()}_${n}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {},
  };
}

export async function startPostgres(): Promise<TestPostgres> {
  if (process.env.YIYANG_TEST_DATABASE_URL)
    return adminDatabase(process.env.YIYANG_TEST_DATABASE_URL);
  const bin = findPostgresBin();
  if (!bin) throw new Error('no PostgreSQL server binaries found');
  const dir = mkdtempSync(join(tmpdir(), 'yiyang-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  try {
    run('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c shared_buffers=64MB`,
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`could not start a test PostgreSQL: ${e.stderr?.toString() ?? e.message}`);
  }
  const db = adminDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`);
  return {
    createDatabase: db.createDatabase,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone; the directory is removed all the same
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
