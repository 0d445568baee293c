import { join } from 'node:path';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../support/postgres';
import { PlatformProcess } from '../../support/platform-process';
import { tempDir } from './station';

export type Backend = 'sqlite' | 'postgres';

const pgMissing = postgresUnavailable();
// In CI (or when asked) a missing PostgreSQL is a failure, not a quiet skip: both backends must run.
const required =
  process.env.YIYANG_REQUIRE_POSTGRES === '1' ||
  (process.env.CI === 'true' && process.env.YIYANG_REQUIRE_POSTGRES !== '0');
if (pgMissing && required)
  throw new Error(
    `PostgreSQL sync tests cannot run: ${pgMissing}. Install it (apt-get install -y postgresql) or set YIYANG_REQUIRE_POSTGRES=0.`,
  );
if (pgMissing) process.stderr.write(`PostgreSQL sync tests skipped: ${pgMissing}\n`);

/** The backends this machine can run; PostgreSQL needs its server binaries (see tests/support/postgres.ts). */
export const backends: Backend[] = pgMissing ? ['sqlite'] : ['sqlite', 'postgres'];

let postgres: Promise<TestPostgres> | null = null;

/** A fresh platform process on its own empty store. One PostgreSQL server per test file. */
export async function freshPlatform(backend: Backend): Promise<PlatformProcess> {
  if (backend === 'sqlite')
    return PlatformProcess.start({ dbFile: join(tempDir('yiyang-platform-'), 'platform.sqlite') });
  postgres ??= startPostgres();
  return PlatformProcess.start({ databaseUrl: await (await postgres).createDatabase() });
}

export async function stopPostgres(): Promise<void> {
  if (postgres) await (await postgres).stop();
  postgres = null;
}
