import { app, session, type BrowserWindow, type Input, type WebContents } from 'electron';
import { CrashCounter } from './crash-guard';

/** Permissions the kiosk grants: only the microphone (hold-to-talk and the staff recorder). */
export function isPermissionAllowed(
  permission: string,
  mediaTypes: readonly string[] = [],
): boolean {
  return permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'audio');
}

/** Keyboard shortcuts that would open devtools, reload, or close the kiosk window. */
export function isBlockedShortcut(
  input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (mod && (key === 'r' || key === 'w' || key === 'q')) return true;
  if (mod && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true;
  if (input.alt && key === 'f4') return true;
  return false;
}

/** Whether a URL belongs to the kiosk's own pages (app://kiosk, or the dev server in dev). */
export function isTrustedUrl(url: string, trustedOrigin: string): boolean {
  try {
    // Compared by scheme and host: URL.origin is "null" for custom schemes outside Chromium.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === trustedOrigin;
  } catch {
    return false;
  }
}

/** Denies every permission but the microphone, for every window of the default session. */
export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed(permission, media));
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission) => permission === 'media',
  );
}

/** No navigation away, no new windows, no devtools or reload shortcuts outside dev. */
export function lockDownContents(contents: WebContents, trustedOrigin: string, dev: boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, trustedOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, trustedOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (!dev) {
    contents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/**
 * A renderer that dies or hangs is reloaded to the idle screen; more than three crashes in five
 * minutes relaunches the app, since something is wrong beyond one page.
 */
export function guardRenderer(
  window: BrowserWindow,
  reloadUrl: string,
  counter = new CrashCounter(),
): void {
  const recover = (): void => {
    if (counter.record(Date.now()) === 'relaunch') {
      app.relaunch();
      app.exit(0);
      return;
    }
    void window.loadURL(reloadUrl);
  };
  window.webContents.on('render-process-gone', recover);
  window.on('unresponsive', recover);
}
