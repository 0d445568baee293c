import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { loadConfigFile } from './config/load-config';
import { startStation, type Station } from './boot/start-station';
import { appOrigin, registerAppScheme, serveRendererFiles } from './electron/app-protocol';
import { kioskWindowOptions } from './electron/window-options';
import { guardRenderer, lockDownContents, lockDownSession } from './electron/lockdown';
import { bridgeKioskApi } from './electron/ipc-bridge';
import { electronConfigPath } from './electron/config-path';
import { safeStorageKeySource } from './electron/safe-storage-key';

// The Electron shell: one locked-down window over the same core the browser host runs. Everything
// that is not window, lockdown, preload or IPC wiring lives in plain Node modules.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const dev = devServerUrl !== undefined;
const trustedOrigin = devServerUrl ? new URL(devServerUrl).origin : appOrigin;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let station: Station | null = null;
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) =>
    lockDownContents(contents, trustedOrigin, dev),
  );

  app
    .whenReady()
    .then(() => {
      const log = (line: string): void => console.log(`[core] ${line}`);
      const userData = app.getPath('userData');
      const config = loadConfigFile(electronConfigPath(process.argv, process.env, userData));
      station = startStation({
        dataDir: userData,
        config,
        demo: false,
        firstRunDemo: true,
        // electron-builder ships locales/ beside the app (extraResources), like the repository.
        localesDir: join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'locales'),
        log,
        dbKey: safeStorageKeySource(userData),
      });
      lockDownSession();
      serveRendererFiles(join(import.meta.dirname, '../renderer'));
      const startUrl = devServerUrl ?? `${appOrigin}/index.html`;
      window = new BrowserWindow(
        kioskWindowOptions({
          kiosk: config.window.kiosk && !dev,
          fullscreen: config.window.fullscreen && !dev,
          preloadPath: join(import.meta.dirname, '../preload/preload.cjs'),
          dev,
        }),
      );
      bridgeKioskApi(window.webContents, trustedOrigin, station.dispatch, station.core);
      guardRenderer(window, startUrl);
      window.once('ready-to-show', () => window?.show());
      void window.loadURL(startUrl);
    })
    .catch((error: unknown) => {
      // A bad config or a refused database: say exactly what, then stop rather than run wrong.
      dialog.showErrorBox(
        '颐养 Yiyang cannot start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    void (station?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
