import { describe, expect, it, vi } from 'vitest';
import { kioskWindowOptions } from '../../../main/electron/window-options';
import { CrashCounter } from '../../../main/electron/crash-guard';
import {
  isBlockedShortcut,
  isPermissionAllowed,
  isTrustedUrl,
} from '../../../main/electron/lockdown';
import { electronConfigPath } from '../../../main/electron/config-path';
import { contentSecurityPolicy } from '../../../main/host/content-security-policy';

// The settings are checked here as plain data; `electron` itself is mocked because no Electron
// binary can be installed here.
vi.mock('electron', () => ({ app: {}, session: {}, default: {} }));
describe('Electron shell settings (electron mocked: no Electron binary here)', () => {
  it('isolates and sandboxes the renderer with no Node and web security on', () => {
    const options = kioskWindowOptions({
      kiosk: true,
      fullscreen: true,
      preloadPath: '/app/preload.cjs',
      dev: false,
    });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    expect(options.kiosk).toBe(true);
    expect(options.fullscreen).toBe(true);
  });

  it('takes kiosk and fullscreen from config and allows devtools only in dev', () => {
    const options = kioskWindowOptions({
      kiosk: false,
      fullscreen: false,
      preloadPath: 'p',
      dev: true,
    });
    expect(options.kiosk).toBe(false);
    expect(options.fullscreen).toBe(false);
    expect(options.webPreferences?.devTools).toBe(true);
  });

  it('grants the microphone and nothing else', () => {
    expect(isPermissionAllowed('media', ['audio'])).toBe(true);
    expect(isPermissionAllowed('media', ['video'])).toBe(false);
    expect(isPermissionAllowed('media', ['audio', 'video'])).toBe(false);
    expect(isPermissionAllowed('media', [])).toBe(false);
    for (const p of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'display-capture',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(isPermissionAllowed(p, ['audio'])).toBe(false);
    }
  });

  it('blocks devtools, reload and close shortcuts', () => {
    const k = (
      key: string,
      mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
    ) => isBlockedShortcut({ key, control: false, meta: false, alt: false, shift: false, ...mods });
    expect(k('F12')).toBe(true);
    expect(k('F5')).toBe(true);
    expect(k('r', { control: true })).toBe(true);
    expect(k('R', { meta: true })).toBe(true);
    expect(k('w', { control: true })).toBe(true);
    expect(k('q', { meta: true })).toBe(true);
    expect(k('I', { control: true, shift: true })).toBe(true);
    expect(k('F4', { alt: true })).toBe(true);
    expect(k('a')).toBe(false);
    expect(k('Enter')).toBe(false);
    expect(k('5')).toBe(false);
  });

  it('trusts only the app origin for navigation and IPC', () => {
    expect(isTrustedUrl('app://kiosk/index.html', 'app://kiosk')).toBe(true);
    expect(isTrustedUrl('https://example.com/', 'app://kiosk')).toBe(false);
    expect(isTrustedUrl('app://evil/index.html', 'app://kiosk')).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd', 'app://kiosk')).toBe(false);
    expect(isTrustedUrl('not a url', 'app://kiosk')).toBe(false);
  });

  it('reloads after a crash and relaunches after more than three in five minutes', () => {
    const counter = new CrashCounter();
    const t0 = 1_000_000;
    expect(counter.record(t0)).toBe('reload');
    expect(counter.record(t0 + 60_000)).toBe('reload');
    expect(counter.record(t0 + 120_000)).toBe('reload');
    expect(counter.record(t0 + 180_000)).toBe('relaunch');
    const slow = new CrashCounter();
    expect([0, 2, 4, 6, 8].map((m) => slow.record(t0 + m * 60_000))).toEqual([
      'reload',
      'reload',
      'reload',
      'reload',
      'reload',
    ]);
  });

  it('has a strict CSP: own scripts only, no eval, no inline script, no remote content', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).not.toMatch(/https?:/);
    expect(csp).toContain("object-src 'none'");
  });

  it('finds the config from --config, then YIYANG_CONFIG, else none', () => {
    expect(
      electronConfigPath(['electron', '.', '--config', '/etc/yiyang.json'], {}, '/nowhere'),
    ).toBe('/etc/yiyang.json');
    expect(electronConfigPath(['electron', '--config=/a.json'], {}, '/nowhere')).toBe('/a.json');
    expect(electronConfigPath(['electron'], { YIYANG_CONFIG: '/b.json' }, '/nowhere')).toBe(
      '/b.json',
    );
    expect(electronConfigPath(['electron'], {}, '/nowhere')).toBeUndefined();
  });
});
