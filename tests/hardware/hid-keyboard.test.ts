import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HidKeyboardDriver } from '../../hardware/drivers/hid-keyboard-driver';
import type { CardFrame } from '../../hardware/framing/em4100-framer';
import type { ButtonFrame } from '../../hardware/framing/button-box-framer';
import { keyReport, reportsForLine } from '../../hardware/hid/boot-keyboard';
import type { HidApi, HidHandle } from '../../hardware/hid/hid-api';
import { HidButtonDecoder } from '../../hardware/hid/hid-button-decoder';
import { HidKeyboardDecoder } from '../../hardware/hid/hid-keyboard-decoder';
import { eventually } from './support/serial-peer';
import { cutPoints, runFramer } from './support/split';

const hexOpts = { format: 'auto', byteOrder: 'msb-first' } as const;
const RELEASE = Buffer.alloc(8);

describe('HID boot-keyboard decoding (from report bytes)', () => {
  it('turns key reports ending in Enter into a UID', () => {
    const reports = [
      Buffer.from([0, 0, 0x27, 0, 0, 0, 0, 0]), // '0'
      RELEASE,
      Buffer.from([0, 0, 0x21, 0, 0, 0, 0, 0]), // '4'
      RELEASE,
      Buffer.from([0x02, 0, 0x04, 0, 0, 0, 0, 0]), // shift + 'a' = 'A'
      RELEASE,
      Buffer.from([0, 0, 0x1f, 0, 0, 0, 0, 0]), // '2'
      RELEASE,
      Buffer.from([0, 0, 0x28, 0, 0, 0, 0, 0]), // Enter
      RELEASE,
    ];
    expect(runFramer<CardFrame>(new HidKeyboardDecoder(hexOpts), reports)).toEqual([
      { type: 'card', uid: '04A2' },
    ]);
  });

  it('a held key counts once; a key pressed again after release counts again', () => {
    const one = Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]);
    const reports = [one, one, one, RELEASE, one, RELEASE, keyReport(0x58), RELEASE];
    expect(runFramer<CardFrame>(new HidKeyboardDecoder(hexOpts), reports)).toEqual([
      { type: 'card', uid: '11' },
    ]);
  });

  it('decodes a 10-digit decimal reader, a report-ID prefix, and rejects short reports', () => {
    const decoder = new HidKeyboardDecoder(hexOpts);
    const withId = reportsForLine('0077771716').map((r) => Buffer.concat([Buffer.from([1]), r]));
    const out = runFramer<CardFrame>(decoder, [Buffer.from([1, 2, 3]), ...withId]);
    expect(out).toEqual([{ type: 'card', uid: '04A2B3C4' }]);
    expect(decoder.stats.rejected).toBe(1);
  });

  it('HID button box: F1 red, F2 green by default', () => {
    const out = runFramer<ButtonFrame>(new HidButtonDecoder(), [
      keyReport(0x3a),
      RELEASE,
      keyReport(0x3b),
      RELEASE,
    ]);
    expect(out.map((f) => f.button)).toEqual(['red', 'green']);
  });
});

/** Random chunks as node-hid might hand them over: mostly 8- or 9-byte reports, some not. */
const randomReports = fc.array(
  fc.oneof(
    fc.uint8Array({ minLength: 8, maxLength: 8 }),
    fc.uint8Array({ minLength: 9, maxLength: 9 }),
    fc.uint8Array({ maxLength: 20 }),
  ),
  { maxLength: 60 },
);

/**
 * HID reports arrive whole (one per read), so "split anywhere" for a keyboard means: between any
 * two reports the device may send its current state again (the HID idle rate repeats it while a
 * key is held). The same keys, with the state repeated at any cut points, must decode the same.
 */
function repeatStateAt(reports: Buffer[], cuts: number[]): Buffer[] {
  const at = new Set(cuts.map((c) => c % (reports.length + 1)));
  const out: Buffer[] = [];
  reports.forEach((r, i) => {
    out.push(r);
    if (at.has(i + 1)) out.push(Buffer.from(r));
  });
  return out;
}

const uidText = fc
  .array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: 1, maxLength: 24 })
  .map((c) => c.join(''));

describe('HID decoders, property-tested with fast-check', () => {
  it('property: random reports never throw, and a card is only ever upper-case hex', () => {
    fc.assert(
      fc.property(randomReports, (reports) => {
        const out = runFramer<CardFrame>(
          new HidKeyboardDecoder(hexOpts),
          reports.map((r) => Buffer.from(r)),
        );
        for (const f of out) expect(f.uid).toMatch(/^([0-9A-F]{2})+$/);
        const buttons = runFramer<ButtonFrame>(
          new HidButtonDecoder(),
          reports.map((r) => Buffer.from(r)),
        );
        for (const b of buttons) expect(['red', 'green']).toContain(b.button);
      }),
    );
  });

  it('property: typed lines with the key state repeated anywhere decode the same', () => {
    fc.assert(
      fc.property(fc.array(uidText, { maxLength: 4 }), cutPoints, (lines, cuts) => {
        const hex = { format: 'hex', byteOrder: 'msb-first' } as const;
        const reports = lines.flatMap((line) => reportsForLine(line));
        const whole = runFramer<CardFrame>(new HidKeyboardDecoder(hex), reports);
        const repeated = runFramer<CardFrame>(
          new HidKeyboardDecoder(hex),
          repeatStateAt(reports, cuts),
        );
        expect(repeated).toEqual(whole);
        const valid = lines.filter((l) => l.length % 2 === 0 && l.length <= 20);
        expect(whole.map((f) => f.uid)).toEqual(valid.map((l) => l.toUpperCase()));
      }),
    );
  });

  it('property: button presses with the key state repeated anywhere decode the same', () => {
    const press = fc.constantFrom(0x3a, 0x3b, 0x04);
    fc.assert(
      fc.property(fc.array(press, { maxLength: 30 }), cutPoints, (keys, cuts) => {
        const reports = keys.flatMap((k) => [keyReport(k), RELEASE]);
        const whole = runFramer<ButtonFrame>(new HidButtonDecoder(), reports);
        const repeated = runFramer<ButtonFrame>(
          new HidButtonDecoder(),
          repeatStateAt(reports, cuts),
        );
        expect(repeated).toEqual(whole);
        expect(whole.map((f) => f.button)).toEqual(
          keys.filter((k) => k !== 0x04).map((k) => (k === 0x3a ? 'red' : 'green')),
        );
      }),
    );
  });
});

class FakeHidHandle extends EventEmitter implements HidHandle {
  closed = false;
  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('HidKeyboardDriver (fake HID device: no HID hardware here)', () => {
  it('finds the reader by VID:PID with devicesAsync, opens it async and emits the card', async () => {
    const handle = new FakeHidHandle();
    const calls: string[] = [];
    const hid: HidApi = {
      devicesAsync: async (v, p) => {
        calls.push(`devices ${v.toString(16)}:${p.toString(16)}`);
        return [{ vendorId: v, productId: p, path: 'fake-hidraw' }];
      },
      open: async (path) => {
        calls.push(`open ${path}`);
        return handle;
      },
    };
    const driver = new HidKeyboardDriver({
      kind: 'card-reader',
      vendorId: 0x08ff,
      productId: 0x0009,
      makeDecoder: () => new HidKeyboardDecoder(hexOpts),
      hid,
    });
    const cards: string[] = [];
    const errors: string[] = [];
    driver.on('card', (uid) => cards.push(uid));
    driver.on('error', (e) => errors.push(e.code));
    await driver.open();
    expect(calls).toEqual(['devices 8ff:9', 'open fake-hidraw']);
    for (const r of reportsForLine('DEADBEEF')) handle.emit('data', r);
    await eventually(() => cards.length === 1, 'the card');
    expect(cards).toEqual(['DEADBEEF']);
    handle.emit('error', new Error('could not read from HID device'));
    expect(errors).toEqual(['DISCONNECTED']);
    expect(driver.status.state).toBe('failed');
    await driver.close();
  });

  it('says which device is missing when none matches', async () => {
    const driver = new HidKeyboardDriver({
      kind: 'card-reader',
      vendorId: 0x1234,
      productId: 0xabcd,
      makeDecoder: () => new HidKeyboardDecoder(hexOpts),
      hid: { devicesAsync: async () => [], open: async () => new FakeHidHandle() },
    });
    await expect(driver.open()).rejects.toThrow(/no HID device 1234:abcd is connected/);
  });
});

describe('HidKeyboardDriver through the real node-hid module', () => {
  it('looks the reader up with devicesAsync and says it is not connected (no such device here)', async () => {
    const driver = new HidKeyboardDriver({
      kind: 'card-reader',
      vendorId: 0xfffe,
      productId: 0xfffd,
      makeDecoder: () => new HidKeyboardDecoder(hexOpts),
    });
    await expect(driver.open()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'no HID device fffe:fffd is connected (check lsusb)',
    });
  });
});
