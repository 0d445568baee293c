import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { CliIo } from '../cli-io';
import { defaultDataDir } from '../../boot/data-dir';
import { listenEarly } from '../../host/early-listener';
import { parsePort } from './parse-port';

export interface ServeHandle {
  stop(): Promise<void>;
}

/**
 * `kioskctl serve`: binds the port first and prints the kiosk page at once, so `npm start` can open
 * Chromium while the station loads; then starts the station and the browser host on that port and
 * prints `listening on …` when it answers. This file loads only node:http and small modules:
 * everything heavy is in serve-station.ts, imported after the port is bound.
 */
export async function serve(args: string[], io: CliIo): Promise<ServeHandle> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : parsePort(values.port);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const listener = await listenEarly(port).catch((error: unknown) => {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} on 127.0.0.1 is already in use`);
    throw error;
  });
  const token = randomBytes(24).toString('base64url');
  const url = `http://127.0.0.1:${listener.port}`;
  io.out(`kiosk page: ${url}/#token=${token}`);
  try {
    const { startServing } = await import('./serve-station');
    const stop = await startServing(
      {
        dataDir,
        configFile: values.config,
        demo: values.demo,
        listener,
        token,
      },
      io,
    );
    io.out(`listening on ${url}`);
    return { stop };
  } catch (error) {
    await listener.close();
    throw error;
  }
}

export async function runServe(args: string[], io: CliIo): Promise<number> {
  const handle = await serve(args, io);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void handle.stop().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
