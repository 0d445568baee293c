import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { reportsForLine } from '../../hardware/hid/boot-keyboard';
import type { HidApi, HidHandle } from '../../hardware/hid/hid-api';
import { join } from 'node:path';
import { createDispatch } from '../../main/api/dispatch';
import { stationDevices } from '../../main/boot/station-devices';
import { stationHandlers } from '../../main/boot/station-handlers';
import { stationPack } from '../../main/boot/station-pack';
import { createSpeech } from '../../main/speech/create-speech';
import { projectRoot } from '../support/kioskctl';
import { devicesConfigSchema, type DeviceConfig } from '../../main/config/device-config';
import { defaultConfig } from '../../main/config/load-config';
import { KioskCore } from '../../main/core/kiosk-core';
import { seedDemoStation } from '../../main/demo/seed-demo-station';
import { openStationDatabase } from '../../main/store/open-database';
import type { SessionState } from '../../contract/views';
import { eventually } from './support/serial-peer';

// Keyboard-wedge taps (the renderer's burst detector → session.tapKeyboardCard) through the real
// call handler, device manager, kiosk core and demo SQLite station. HID is a fake handle: there is
// no HID hardware here.
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

class FakeHidHandle extends EventEmitter implements HidHandle {
  async close(): Promise<void> {}
}

async function station(devices: DeviceConfig[]) {
  const db = openStationDatabase(':memory:');
  seedDemoStation(db, '2026-11-23');
  const log: string[] = [];
  const core = new KioskCore({
    db,
    config: defaultConfig,
    now: () => new Date('2026-11-23T02:00:00Z'),
    log: (l) => log.push(l),
  });
  const handle = new FakeHidHandle();
  const hid: HidApi = { devicesAsync: async () => [], open: async () => handle };
  const manager = stationDevices(core, devices, false, { hid });
  await manager.start();
  cleanup.push(async () => {
    await manager.stop();
    db.close();
  });
  const speech = createSpeech({ localesDir: join(projectRoot, 'locales'), defaultLocale: 'zh-CN' });
  const dispatch = createDispatch(
    stationHandlers({ core, pack: stationPack('nanxun-2023'), speech, devices: manager }),
  );
  const tapKeyboard = async (uid: string) => dispatch('session.tapKeyboardCard', { uid });
  const taps = () => log.filter((l) => /^card (accepted|refused) from/.test(l));
  const greeted = () => {
    const s: SessionState = core.session();
    return s.kind === 'elder' ? s.elder.name : s.kind;
  };
  return { manager, handle, tapKeyboard, taps, greeted };
}

describe('keyboard-wedge reader through the device manager (fake HID handle: no HID hardware)', () => {
  it('a HID reader read raw and typed into the window counts as one tap', async () => {
    // 沈建国's card 04A1B2C3, printed byte-reversed in decimal by this reader
    const rig = await station([
      {
        kind: 'card-reader',
        driver: 'hid-keyboard',
        path: 'fake-hidraw',
        format: 'decimal',
        byteOrder: 'lsb-first',
      },
    ]);
    for (const report of reportsForLine('3283263748')) rig.handle.emit('data', report);
    await eventually(() => rig.taps().length === 1, 'the raw HID read');
    // the same keystrokes, caught by the renderer's detector a moment later
    expect(await rig.tapKeyboard('3283263748')).toMatchObject({ ok: true });
    expect(rig.taps()).toEqual(['card accepted from hid-keyboard:fake-hidraw']);
    expect(rig.greeted()).toBe('沈建国');
    const wedge = rig.manager.statuses().find((s) => s.source === 'keyboard-wedge');
    expect(wedge).toMatchObject({ kind: 'card-reader', driver: 'keyboard-wedge', connected: true });
    expect(wedge?.lastEventAt).toMatch(/\+08:00$/);
  });

  it('a 10-digit decimal burst is normalised to hex and greets the right elder', async () => {
    const rig = await station([]);
    expect(await rig.tapKeyboard('0078824404')).toMatchObject({ ok: true }); // 0x04B2C3D4
    expect(rig.greeted()).toBe('蔡国平');
    expect(rig.taps()).toEqual(['card accepted from keyboard-wedge']);
    // the same card typed again at once is the same tap
    await rig.tapKeyboard('0078824404');
    expect(rig.taps()).toHaveLength(1);
  });

  it('a configured keyboard-wedge entry sets format and byte order', async () => {
    const rig = await station([
      { kind: 'card-reader', driver: 'keyboard-wedge', format: 'decimal', byteOrder: 'lsb-first' },
    ]);
    await rig.tapKeyboard('3283263748');
    expect(rig.greeted()).toBe('沈建国');
  });

  it('a burst that is no UID is refused with the reason and counted on the reader', async () => {
    const rig = await station([]);
    expect(await rig.tapKeyboard('1234567')).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/odd number of hex digits/) },
    });
    expect(rig.taps()).toEqual([]);
    expect(rig.manager.statuses().find((s) => s.source === 'keyboard-wedge')).toMatchObject({
      errors: 1,
      lastError: expect.stringMatching(/^keyboard-wedge: "1234567" has an odd number/),
    });
  });
});

describe('keyboard-wedge config', () => {
  const issues = (devices: unknown): string[] => {
    const parsed = devicesConfigSchema.safeParse(devices);
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes format and byte order, no path, and only one entry', () => {
    expect(issues([{ kind: 'card-reader', driver: 'keyboard-wedge', format: 'hex' }])).toEqual([]);
    expect(
      issues([
        { kind: 'card-reader', driver: 'keyboard-wedge', path: '/dev/ttyUSB0' },
        { kind: 'card-reader', driver: 'keyboard-wedge' },
      ]),
    ).toEqual([
      '0.path: the keyboard-wedge driver reads what readers type into the kiosk window; it has no path',
      '1.driver: only one keyboard-wedge reader can be configured (devices.0 is one)',
    ]);
  });
});
