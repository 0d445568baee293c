import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Shapes of contract/sync-protocol.ts, restated: tests/support is also in the e2e TypeScript project,
// which does not include contract/, so this file imports nothing from the repository.
export interface DeviceCredentials {
  deviceId: string;
  secret: string;
}
export interface StoredTransaction {
  uuid: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  deviceTime: string;
  receivedAt: string;
}
export interface PlatformStats {
  devices: number;
  transactions: number;
  duplicates: number;
  rejected: number;
}
export type CatalogueUpload = Record<string, unknown>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PlatformProcessOptions {
  dbFile?: string;
  databaseUrl?: string;
  port?: number;
  adminToken?: string;
}

/** A real `kioskctl platform` child process on loopback, with typed admin calls for tests. */
export class PlatformProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly port: number,
    readonly adminToken: string,
    readonly options: PlatformProcessOptions,
    private readonly stderr: () => string,
  ) {}

  static async start(options: PlatformProcessOptions): Promise<PlatformProcess> {
    const adminToken = options.adminToken ?? 'test-admin-token';
    const args = [
      join(root, 'bin', 'kioskctl.js'),
      'platform',
      '--port',
      String(options.port ?? 0),
      '--admin-token',
      adminToken,
    ];
    if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
    else args.push('--db', options.dbFile ?? ':memory:');
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the platform did not start within 30 s: ${err}`));
      }, 30_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the platform exited with ${code} before listening: ${err}`));
      });
    });
    return new PlatformProcess(
      child,
      url,
      Number(new URL(url).port),
      adminToken,
      options,
      () => err,
    );
  }

  /** Stops it (SIGTERM, then SIGKILL after 5 s) and resolves when it has exited. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }

  /** The same store on the same port again, after a stop. */
  restart(): Promise<PlatformProcess> {
    return PlatformProcess.start({ ...this.options, port: this.port, adminToken: this.adminToken });
  }

  errors(): string {
    return this.stderr();
  }

  async admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.url + path, {
      method,
      headers: {
        authorization: `Bearer ${this.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  createDevice(name?: string): Promise<DeviceCredentials> {
    return this.admin('POST', '/v1/admin/devices', name ? { name } : {});
  }

  async transactions(deviceId: string): Promise<StoredTransaction[]> {
    return (
      await this.admin<{ items: StoredTransaction[] }>(
        'GET',
        `/v1/admin/transactions?deviceId=${encodeURIComponent(deviceId)}`,
      )
    ).items;
  }

  stats(): Promise<PlatformStats> {
    return this.admin('GET', '/v1/admin/stats');
  }

  catalogue(upload: CatalogueUpload): Promise<{ accepted: number }> {
    return this.admin('POST', '/v1/admin/catalogue', upload);
  }

  roster(
    records: unknown[],
  ): Promise<{ accepted: number; rejected: { index: number; issues: string[] }[] }> {
    return this.admin('POST', '/v1/admin/roster', records);
  }
}
