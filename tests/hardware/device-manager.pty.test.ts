import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import type { DeviceConfig } from '../../main/config/device-config';
import { DeviceManager, type DeviceStatus } from '../../main/devices/device-manager';
import { openPtyPair, type PtyPair } from '../support/pty';
import { SerialPeer, eventually } from './support/serial-peer';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

function collect(devices: DeviceConfig[], extra: { now?: () => number } = {}) {
  const cards: { uid: string; source: string }[] = [];
  const buttons: { button: string; source: string }[] = [];
  let statuses: DeviceStatus[] = [];
  const manager = new DeviceManager({
    devices,
    onCard: (uid, source) => cards.push({ uid, source }),
    onButton: (button, source) => buttons.push({ button, source }),
    onStatus: (s) => (statuses = s),
    backoff: { initialMs: 100, maxMs: 400 },
    ...extra,
  });
  cleanup.push(() => manager.stop());
  return { manager, cards, buttons, statuses: () => statuses };
}

describe('device manager with real drivers on PTY pairs', () => {
  it('delivers cards and buttons from config, counts the same card within 1.5 s once', async () => {
    const reader = await openPtyPair();
    const box = await openPtyPair();
    let offset = 0;
    const rig = collect(
      [
        { kind: 'card-reader', driver: 'em4100', path: reader.a, baud: 9600 },
        { kind: 'buttons', driver: 'serial', path: box.a, redByte: 0x52, greenByte: 0x47 },
        { kind: 'card-reader', driver: 'simulated' },
      ],
      { now: () => Date.now() + offset },
    );
    await rig.manager.start();
    const readerPeer = await SerialPeer.open(reader.b);
    const boxPeer = await SerialPeer.open(box.b);
    cleanup.push(async () => {
      await readerPeer.close();
      await boxPeer.close();
      await reader.close();
      await box.close();
    });
    expect(rig.statuses().map((s) => s.connected)).toEqual([true, true, true]);

    const frame = encodeEm4100Frame('0A1B2C3D4E');
    await readerPeer.write(Buffer.concat([frame, frame, frame])); // a card lying on the reader
    await eventually(() => rig.manager.statuses()[0]?.lastEventAt !== null, 'the reads');
    await new Promise((r) => setTimeout(r, 100));
    expect(rig.cards).toEqual([{ uid: '0A1B2C3D4E', source: `em4100:${reader.a}` }]);
    offset += 1600; // 1.6 s later the same card is a new tap
    await readerPeer.write(frame);
    await eventually(() => rig.cards.length === 2, 'the second tap');

    await boxPeer.write('RG');
    await eventually(() => rig.buttons.length === 2, 'both buttons');
    expect(rig.buttons.map((b) => b.button)).toEqual(['red', 'green']);

    expect(rig.manager.simulatedReader()?.tap('deadbeef')).toBe(true);
    expect(rig.cards.at(-1)).toEqual({ uid: 'DEADBEEF', source: 'simulated' });
    const status = rig.manager.statuses()[0];
    expect(status).toMatchObject({
      kind: 'card-reader',
      driver: 'em4100',
      connected: true,
      errors: 0,
    });
    expect(status?.lastEventAt).toMatch(/\+08:00$/);
  });

  it('reconnects with backoff after the adapter is pulled and plugged back in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yiyang-replug-'));
    const paths = { a: join(dir, 'reader'), b: join(dir, 'peer') };
    let pair: PtyPair = await openPtyPair(paths);
    const rig = collect([{ kind: 'card-reader', driver: 'em4100', path: paths.a }]);
    await rig.manager.start();
    cleanup.push(() => pair.close());
    expect(rig.statuses()[0]?.connected).toBe(true);

    await pair.close(); // unplugged
    await eventually(() => rig.statuses()[0]?.connected === false, 'the disconnect');
    await new Promise((r) => setTimeout(r, 300)); // a few failed reopen attempts (ENOENT)
    expect(rig.statuses()[0]?.lastError).toMatch(/ENOENT|closed by the system/);

    pair = await openPtyPair(paths); // plugged back in at the same path
    await eventually(() => rig.statuses()[0]?.connected === true, 'the reconnect', 5000);
    const peer = await SerialPeer.open(paths.b);
    cleanup.push(() => peer.close());
    await peer.write(encodeEm4100Frame('1122334455'));
    await eventually(() => rig.cards.length === 1, 'a card after reconnecting');
    const status = rig.statuses()[0];
    expect(status?.reconnects).toBeGreaterThanOrEqual(1);
    expect(status?.errors).toBeGreaterThanOrEqual(2);
  });

  it('a device that cannot open does not stop the others, and keeps its error for the staff screen', async () => {
    const rig = collect([
      { kind: 'card-reader', driver: 'em4100', path: '/dev/ttyUSB-missing' },
      { kind: 'printer', driver: 'simulated' },
      { kind: 'buttons', driver: 'simulated' },
    ]);
    await rig.manager.start();
    const [missing, printer] = rig.manager.statuses();
    expect(missing).toMatchObject({ connected: false, state: 'failed' });
    expect(missing?.lastError).toMatch(/ENOENT/);
    expect(printer?.connected).toBe(true);
    const result = await rig.manager.printer()?.printTicket({ title: 't', lines: ['x'] });
    expect(result?.bytesWritten).toBeGreaterThan(0);
    rig.manager.simulatedButtons()?.press('red');
    expect(rig.buttons).toEqual([{ button: 'red', source: 'simulated-buttons' }]);
  });
});
