import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACK,
  ERROR_FRAME,
  NACK,
  TFI_PN532,
  encodePn532Frame,
} from '../../hardware/framing/pn532-frame';
import { Pn532Framer, type Pn532Frame } from '../../hardware/framing/pn532-framer';
import { cutPoints, randomBytes, runFramer, splitAt } from './support/split';

const decode = (chunks: Buffer[]): Pn532Frame[] => runFramer<Pn532Frame>(new Pn532Framer(), chunks);

describe('PN532 UART framer', () => {
  it('decodes ACK, NACK, the error frame and an information frame', () => {
    // GetFirmwareVersion answer from the user manual: D5 03 32 01 06 07
    const fw = encodePn532Frame(TFI_PN532, Uint8Array.from([0x03, 0x32, 0x01, 0x06, 0x07]));
    expect(fw.toString('hex')).toBe('0000ff06fad50332010607e800');
    expect(decode([Buffer.concat([ACK, fw, NACK, ERROR_FRAME])])).toEqual([
      { type: 'ack' },
      { type: 'frame', tfi: 0xd5, data: Buffer.from([0x03, 0x32, 0x01, 0x06, 0x07]) },
      { type: 'nack' },
      { type: 'error' },
    ]);
  });

  it('rejects a bad LCS and a bad DCS, and finds the next good frame', () => {
    const framer = new Pn532Framer();
    const reasons: string[] = [];
    framer.on('reject', (r: string) => reasons.push(r));
    const good = encodePn532Frame(TFI_PN532, Uint8Array.from([0x15]));
    const badLcs = Buffer.from(good);
    badLcs[4] = 0x00;
    const badDcs = Buffer.from(good);
    badDcs[badDcs.length - 2] = (badDcs[badDcs.length - 2] ?? 0) ^ 0xff;
    const out = runFramer<Pn532Frame>(framer, [Buffer.concat([badLcs, badDcs, good])]);
    expect(out).toEqual([{ type: 'frame', tfi: 0xd5, data: Buffer.from([0x15]) }]);
    expect(reasons.some((r) => r.startsWith('LCS check failed'))).toBe(true);
    expect(reasons).toContain('DCS check failed');
  });

  it('refuses an extended frame clearly and keeps going', () => {
    const framer = new Pn532Framer();
    const reasons: string[] = [];
    framer.on('reject', (r: string) => reasons.push(r));
    const body = Buffer.alloc(300, 0x11);
    // 00 00 FF FF FF LENM LENL LCS TFI data DCS 00
    const len = body.length + 1;
    const extended = Buffer.concat([
      Buffer.from([
        0x00,
        0x00,
        0xff,
        0xff,
        0xff,
        len >> 8,
        len & 0xff,
        (0x100 - ((len >> 8) + (len & 0xff))) & 0xff,
        0xd5,
      ]),
      body,
      Buffer.from([0x00, 0x00]),
    ]);
    const out = runFramer<Pn532Frame>(framer, [Buffer.concat([extended, ACK])]);
    expect(out).toEqual([{ type: 'ack' }]);
    expect(reasons[0]).toMatch(/extended frame of 301 bytes refused/);
  });

  it('property: random bytes never throw and the buffer stays bounded', () => {
    fc.assert(
      fc.property(randomBytes, randomBytes, (a, b) => {
        const framer = new Pn532Framer();
        runFramer(framer, [a, b]);
        expect(framer.stats.bytesIn).toBe(a.length + b.length);
      }),
    );
  });

  it('property: a valid frame split at any byte, after noise, decodes the same', () => {
    const data = fc.uint8Array({ minLength: 1, maxLength: 60 });
    const noise = fc
      .uint8Array({ maxLength: 20 })
      .map((a) => Buffer.from(a.map((b) => (b === 0 ? 1 : b === 0xff ? 0xfe : b))));
    fc.assert(
      fc.property(data, noise, cutPoints, (payload, before, cuts) => {
        const frame = encodePn532Frame(TFI_PN532, payload);
        const stream = Buffer.concat([before, frame, ACK]);
        const expected = [
          { type: 'frame', tfi: TFI_PN532, data: Buffer.from(payload) },
          { type: 'ack' },
        ];
        expect(decode([stream])).toEqual(expected);
        expect(decode(splitAt(stream, cuts))).toEqual(expected);
      }),
    );
  });
});
