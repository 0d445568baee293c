import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callChannel, callSpecs, eventChannel, type KioskApi } from '../../../contract/kiosk-api';
import type { KioskCore } from '../../../main/core/kiosk-core';

// A stand-in for the parts of electron the preload and the IPC bridge touch (electron mocked: no
// Electron binary can be installed here). It records what they register and lets the test send.
const electron = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const rendererListeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  return {
    exposed,
    rendererListeners,
    handlers,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: vi.fn(async (channel: string, payload: unknown) => ({ channel, payload })),
        on: (channel: string, l: (event: unknown, payload: unknown) => void) =>
          rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), l]),
        removeListener: (channel: string, l: (event: unknown, payload: unknown) => void) =>
          rendererListeners.set(
            channel,
            (rendererListeners.get(channel) ?? []).filter((x) => x !== l),
          ),
      },
      ipcMain: {
        handle: (channel: string, h: (event: unknown, payload: unknown) => unknown) =>
          handlers.set(channel, h),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

describe('preload (electron mocked: no Electron binary here)', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../../main/preload');
  });

  it('exposes exactly KioskApi (call and on), never ipcRenderer', () => {
    const api = electron.exposed.kioskApi as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(Object.values(electron.exposed)).not.toContain(electron.module.ipcRenderer);
  });

  it('invokes each call on its fixed channel', async () => {
    const api = electron.exposed.kioskApi as KioskApi;
    await api.call('session.end', {});
    expect(electron.module.ipcRenderer.invoke).toHaveBeenCalledWith('kiosk:call:session.end', {});
  });

  it('passes listeners the payload only, never the event object, and unsubscribes', () => {
    const api = electron.exposed.kioskApi as KioskApi;
    const received: unknown[][] = [];
    const off = api.on('session', (...args: unknown[]) => received.push(args));
    const listeners = electron.rendererListeners.get(eventChannel('session')) ?? [];
    listeners.forEach((l) => l({ sender: 'SECRET' }, { kind: 'idle' }));
    expect(received).toEqual([[{ kind: 'idle' }]]);
    off();
    expect(electron.rendererListeners.get(eventChannel('session'))).toHaveLength(0);
  });
});

describe('IPC bridge (electron mocked: no Electron binary here)', () => {
  it('registers one handler per call and refuses senders that are not the app’s main frame', async () => {
    const { bridgeKioskApi } = await import('../../../main/electron/ipc-bridge');
    const mainFrame = { url: 'app://kiosk/index.html', parent: null };
    const contents = { mainFrame, isDestroyed: () => false, send: vi.fn() };
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'answered' }));
    const core = {
      events: new (await import('node:events')).EventEmitter(),
    } as unknown as KioskCore;
    const off = bridgeKioskApi(contents as never, 'app://kiosk', dispatch, core);
    expect([...electron.handlers.keys()].sort()).toEqual(
      Object.keys(callSpecs)
        .map((n) => callChannel(n as never))
        .sort(),
    );

    const handler = electron.handlers.get(callChannel('session.end'));
    expect(await handler?.({ senderFrame: mainFrame }, {})).toEqual({
      ok: true,
      value: 'answered',
    });
    const iframe = { url: 'app://kiosk/index.html', parent: mainFrame };
    expect(await handler?.({ senderFrame: iframe }, {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    const foreign = { url: 'https://evil.example/', parent: null };
    expect(await handler?.({ senderFrame: foreign }, {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(dispatch).toHaveBeenCalledTimes(1);

    core.events.emit('session', { kind: 'idle' });
    expect(contents.send).toHaveBeenCalledWith(eventChannel('session'), { kind: 'idle' });
    off();
    expect(electron.handlers.size).toBe(0);
  });
});
