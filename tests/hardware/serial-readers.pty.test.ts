import { afterEach, describe, expect, it } from 'vitest';
import { SerialFramedDriver } from '../../hardware/drivers/serial-framed-driver';
import type { DeviceError } from '../../hardware/driver';
import { ButtonBoxFramer } from '../../hardware/framing/button-box-framer';
import { Em4100Framer, encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { LineFramer } from '../../hardware/framing/line-framer';
import { openPtyPair, type PtyPair } from '../support/pty';
import { SerialPeer, eventually } from './support/serial-peer';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** An EM4100 reader on `path` (the protocol most tests here use). */
const em4100 = (path: string, garbleWindowMs?: number): SerialFramedDriver =>
  new SerialFramedDriver({
    kind: 'card-reader',
    protocol: 'em4100',
    path,
    baudRate: 9600,
    makeFramer: () => new Em4100Framer(),
    garbleWindowMs,
  });

async function rig(makeDriver: (path: string) => SerialFramedDriver) {
  const pair: PtyPair = await openPtyPair();
  const driver = makeDriver(pair.a);
  const cards: string[] = [];
  const buttons: string[] = [];
  const errors: DeviceError[] = [];
  driver.on('card', (uid) => cards.push(uid));
  driver.on('button', (b) => buttons.push(b));
  driver.on('error', (e) => errors.push(e));
  await driver.open();
  const peer = await SerialPeer.open(pair.b);
  cleanup.push(async () => {
    await driver.close();
    await peer.close();
    await pair.close();
  });
  return { pair, driver, peer, cards, buttons, errors };
}

describe('serial drivers on a real PTY pair (socat)', () => {
  it('EM4100 reader: frames byte by byte and in one burst, a bad checksum dropped and counted', async () => {
    const r = await rig((path) => em4100(path));
    const frame = encodeEm4100Frame('0A1B2C3D4E');
    for (const b of frame) await r.peer.write(Buffer.from([b]));
    await r.peer.write(Buffer.from('\x020A1B2C3D4E00\x03', 'latin1'));
    await r.peer.write(
      Buffer.concat([encodeEm4100Frame('1122334455'), encodeEm4100Frame('A0B0C0D0E0')]),
    );
    await eventually(() => r.cards.length === 3, 'three cards');
    expect(r.cards).toEqual(['0A1B2C3D4E', '1122334455', 'A0B0C0D0E0']);
    expect(r.driver.counters.framesBad).toBe(1);
    expect(r.errors.map((e) => e.code)).toEqual(['BAD_FRAME']);
  });

  it('line reader: decimal, byte-reversed UIDs with CRLF', async () => {
    const r = await rig(
      (path) =>
        new SerialFramedDriver({
          kind: 'card-reader',
          protocol: 'line',
          path,
          baudRate: 9600,
          makeFramer: () => new LineFramer({ format: 'decimal', byteOrder: 'lsb-first' }),
        }),
    );
    await r.peer.write('0077771716\r\n3735928559\r\n');
    await eventually(() => r.cards.length === 2, 'two cards');
    expect(r.cards).toEqual(['C4B3A204', 'EFBEADDE']);
  });

  it('button box: configured bytes become red and green presses', async () => {
    const r = await rig(
      (path) =>
        new SerialFramedDriver({
          kind: 'buttons',
          protocol: 'buttons',
          path,
          baudRate: 9600,
          makeFramer: () => new ButtonBoxFramer({ red: 0x31, green: 0x32 }),
        }),
    );
    await r.peer.write('1\r\n2\r\n1');
    await eventually(() => r.buttons.length === 3, 'three presses');
    expect(r.buttons).toEqual(['red', 'green', 'red']);
  });

  it('bytes with no valid frame (what a wrong baud rate looks like) are reported as NO_VALID_FRAMES', async () => {
    const r = await rig((path) => em4100(path, 300));
    // a PTY ignores baud settings, so the peer sends the kind of bytes a baud mismatch produces
    await r.peer.write(Buffer.from([0xf8, 0x80, 0x00, 0xfe, 0x78, 0x02, 0xe0, 0x86, 0x98]));
    await eventually(() => r.errors.some((e) => e.code === 'NO_VALID_FRAMES'), 'the baud hint');
    const hint = r.errors.find((e) => e.code === 'NO_VALID_FRAMES');
    expect(hint?.message).toMatch(
      /9 bytes received at 9600 baud but no valid em4100 frame.*check the baud rate/,
    );
    expect(hint?.fatal).toBe(false);
  });

  it('reports DISCONNECTED (fatal) when the far end goes away, like an unplugged adapter', async () => {
    const r = await rig((path) => em4100(path));
    await r.peer.close();
    await r.pair.close();
    await eventually(() => r.errors.some((e) => e.code === 'DISCONNECTED'), 'the disconnect');
    expect(r.errors.find((e) => e.code === 'DISCONNECTED')?.fatal).toBe(true);
    expect(r.driver.status.state).toBe('failed');
  });

  it('a missing port fails open with ENOENT and a hint', async () => {
    const driver = em4100('/dev/ttyUSB-not-here');
    await expect(driver.open()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/does not exist \(ENOENT\)/),
    });
  });
});
