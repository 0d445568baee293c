import { parseArgs } from 'node:util';
import type { CliIo } from '../cli-io';
import { loadConfigFile } from '../../config/load-config';
import { defaultDataDir } from '../../boot/data-dir';
import { startStation } from '../../boot/start-station';
import { startBrowserHost, type BrowserHost } from '../../host/browser-host';
import { ensureRendererBuilt, projectRoot } from '../../host/renderer-files';
import { join } from 'node:path';
import { parsePort } from './parse-port';

export interface ServeHandle {
  host: BrowserHost;
  stop(): Promise<void>;
}

/** Starts the station and the browser host; used by `kioskctl serve` and by `npm start`. */
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
  const config = loadConfigFile(values.config);
  const log = (line: string): void => io.err(`[core] ${line}`);
  const station = startStation({
    dataDir: values['data-dir'] ?? defaultDataDir(),
    config,
    demo: values.demo,
    firstRunDemo: values.config === undefined,
    localesDir: join(projectRoot, 'locales'),
    log,
  });
  try {
    const rendererDir = await ensureRendererBuilt(log);
    await station.ready;
    const host = await startBrowserHost({
      core: station.core,
      dispatch: station.dispatch,
      rendererDir,
      port,
      log,
    });
    io.out(`listening on ${host.url}`);
    io.out(`kiosk page: ${host.kioskUrl}`);
    return {
      host,
      stop: async () => {
        await host.close();
        await station.close();
      },
    };
  } catch (error) {
    await station.close();
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
