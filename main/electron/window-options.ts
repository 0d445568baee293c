import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowChoice {
  kiosk: boolean;
  fullscreen: boolean;
  preloadPath: string;
  /** devtools only in `npm run dev` */
  dev: boolean;
}

/**
 * The one window's options: the renderer is sandboxed and isolated, has no Node, keeps web
 * security, and reaches the core only through the preload's bridge.
 */
export function kioskWindowOptions(choice: WindowChoice): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 1024,
    kiosk: choice.kiosk,
    fullscreen: choice.fullscreen,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: choice.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Every screen speaks: the greeting must play without the elder touching anything first.
      autoplayPolicy: 'no-user-gesture-required',
      devTools: choice.dev,
    },
  };
}
