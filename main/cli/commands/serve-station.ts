import { join } from 'node:path';
import type { CliIo } from '../cli-io';
import { loadConfigFile } from '../../config/load-config';
import { startStation } from '../../boot/start-station';
import { startBrowserHost } from '../../host/browser-host';
import type { EarlyListener } from '../../host/early-listener';
import { ensureRendererBuilt, projectRoot } from '../../host/renderer-files';

export interface ServingOptions {
  dataDir: string;
  configFile: string | undefined;
  demo: boolean;
  listener: EarlyListener;
  token: string;
}

/** The station and its browser host on the port serve.ts bound; resolves to their stop. */
export async function startServing(
  options: ServingOptions,
  io: CliIo,
): Promise<() => Promise<void>> {
  const config = loadConfigFile(options.configFile);
  const log = (line: string): void => io.err(`[core] ${line}`);
  const station = startStation({
    dataDir: options.dataDir,
    config,
    demo: options.demo,
    firstRunDemo: options.configFile === undefined,
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
      port: options.listener.port,
      listener: options.listener,
      token: options.token,
      log,
    });
    return async () => {
      await host.close();
      await station.close();
    };
  } catch (error) {
    await station.close();
    throw error;
  }
}
