import { randomBytes } from 'node:crypto';
import { buildPlatform } from './server';
import { PostgresPlatformStore } from './store/postgres-store';
import { SqlitePlatformStore } from './store/sqlite-store';
import type { PlatformStore } from './store/platform-store';

export interface PlatformOptions {
  /** SQLite file (default) … */
  dbFile?: string;
  /** … or a postgres:// URL */
  databaseUrl?: string;
  port?: number;
  host?: string;
  adminToken?: string;
}

export interface RunningPlatform {
  url: string;
  adminToken: string;
  backend: PlatformStore['backend'];
  close(): Promise<void>;
}

/** Opens the store, starts listening on loopback and prunes old nonces every minute. */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const store: PlatformStore = options.databaseUrl
    ? await PostgresPlatformStore.open(options.databaseUrl)
    : openSqlite(options.dbFile ?? 'platform.sqlite');
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const app = buildPlatform(store, { adminToken, now: () => Date.now() });
  const prune = setInterval(
    () => void store.pruneNonces(Date.now()).catch(() => undefined),
    60_000,
  );
  prune.unref();
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    clearInterval(prune);
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    adminToken,
    backend: store.backend,
    close: async () => {
      clearInterval(prune);
      await app.close();
      await store.close();
    },
  };
}

function openSqlite(file: string): PlatformStore {
  try {
    return new SqlitePlatformStore(file);
  } catch (error) {
    throw new Error(
      `cannot open the platform database ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
