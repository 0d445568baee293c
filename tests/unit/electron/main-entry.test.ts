import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

// Loads the real main/index.ts against a stand-in for Electron's API (electron mocked: no Electron
// binary can be installed here) and checks what the shell asks Electron to do.
const temp = makeTempDir();
const fakeReady = vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  class FakeContents extends EventEmitter {
    mainFrame = { url: 'app://kiosk/index.html', parent: null };
    windowOpenHandler: (() => { action: string }) | null = null;
    setWindowOpenHandler(h: () => { action: string }) {
      this.windowOpenHandler = h;
    }
    isDestroyed = () => false;
    send = () => undefined;
    closeDevTools = () => undefined;
  }
  const state = {
    userData: '',
    lock: true,
    windows: [] as {
      options: Record<string, unknown>;
      url: string | null;
      focused: number;
      contents: FakeContents;
    }[],
    app: new EventEmitter() as InstanceType<typeof EventEmitter> & Record<string, unknown>,
    permissionHandler: null as
      null | ((c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void),
    ipcChannels: new Set<string>(),
    quit: 0,
    FakeContents,
  };
  class BrowserWindow extends EventEmitter {
    webContents = new FakeContents();
    record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, url: null, focused: 0, contents: this.webContents };
      state.windows.push(this.record);
      state.app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.record.focused += 1;
    }
  }
  Object.assign(state.app, {
    isPackaged: false,
    getAppPath: () => process.cwd(),
    requestSingleInstanceLock: () => state.lock,
    whenReady: () => Promise.resolve(),
    getPath: () => state.userData,
    quit: () => (state.quit += 1),
    exit: () => undefined,
    relaunch: () => undefined,
  });
  const module = {
    app: state.app,
    BrowserWindow,
    dialog: { showErrorBox: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    net: { fetch: () => Promise.resolve(new Response('')) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof state.permissionHandler) =>
          (state.permissionHandler = h),
        setPermissionCheckHandler: () => undefined,
      },
    },
    ipcMain: {
      handle: (c: string) => state.ipcChannels.add(c),
      removeHandler: (c: string) => state.ipcChannels.delete(c),
    },
    // The database key is sealed by the OS keystore (safeStorage mocked: no Electron binary here).
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (sealed: Buffer) => sealed.toString().slice('sealed:'.length),
    },
  };
  return { state, module };
});
vi.mock('electron', async () => {
  const fake = await fakeReady;
  return { ...fake.module, default: fake.module };
});

describe('Electron main process (electron mocked: no Electron binary here)', async () => {
  const fake = await fakeReady;
  fake.state.userData = temp.dir;
  await import('../../../main/index');
  await new Promise((r) => setTimeout(r, 50));
  afterAll(() => temp.remove());
  const window = fake.state.windows[0];

  it('opens one locked-down window on app://kiosk with the sandboxed preload', () => {
    expect(fake.state.windows).toHaveLength(1);
    expect(window?.url).toBe('app://kiosk/index.html');
    expect(window?.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      },
    });
    expect(String((window?.options.webPreferences as Record<string, unknown>).preload)).toMatch(
      /preload\.cjs$/,
    );
  });

  it('wires every KioskApi call to a fixed IPC channel', () => {
    expect([...fake.state.ipcChannels].every((c) => c.startsWith('kiosk:call:'))).toBe(true);
    expect(fake.state.ipcChannels.has('kiosk:call:session.tapSimulatedCard')).toBe(true);
  });

  it('denies new windows and navigation away, and blocks the reload shortcut', () => {
    const contents = window?.contents;
    expect(contents?.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const navigate = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents?.emit('will-navigate', navigate, 'https://example.com/');
    expect(navigate.prevented).toBe(true);
    const inside = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents?.emit('will-navigate', inside, 'app://kiosk/index.html');
    expect(inside.prevented).toBe(false);
    const key = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents?.emit('before-input-event', key, {
      key: 'r',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(key.prevented).toBe(true);
  });

  it('grants the microphone and denies the camera', () => {
    const answers: boolean[] = [];
    fake.state.permissionHandler?.({}, 'media', (ok) => answers.push(ok), {
      mediaTypes: ['audio'],
    });
    fake.state.permissionHandler?.({}, 'media', (ok) => answers.push(ok), {
      mediaTypes: ['video'],
    });
    fake.state.permissionHandler?.({}, 'geolocation', (ok) => answers.push(ok), {});
    expect(answers).toEqual([true, false, false]);
  });

  it('focuses the existing window when a second instance starts', () => {
    fake.state.app.emit('second-instance');
    expect(window?.focused).toBe(1);
  });

  it('reloads the idle screen when the renderer dies', () => {
    if (window) window.url = null;
    window?.contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(window?.url).toBe('app://kiosk/index.html');
  });
});
