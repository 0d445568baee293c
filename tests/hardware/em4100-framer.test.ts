import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Em4100Framer,
  encodeEm4100Frame,
  type CardFrame,
} from '../../hardware/framing/em4100-framer';
import { cutPoints, randomBytes, runFramer, splitAt } from './support/split';

const uids = (frames: CardFrame[]): string[] => frames.map((f) => f.uid);

describe('EM4100 / RDM6300 framer', () => {
  it('decodes STX + 10 hex + XOR checksum + ETX into the upper-case UID', () => {
    // 0x0A ^ 0x1B ^ 0x2C ^ 0x3D ^ 0x4E = 0x4E
    const frame = Buffer.from('\x020a1b2c3d4e4e\x03', 'latin1');
    expect(uids(runFramer(new Em4100Framer(), [frame]))).toEqual(['0A1B2C3D4E']);
  });

  it('counts and drops a bad checksum, then decodes the next frame', () => {
    const framer = new Em4100Framer();
    const reasons: string[] = [];
    framer.on('reject', (r: string) => reasons.push(r));
    const bad = Buffer.from('\x020A1B2C3D4E00\x03', 'latin1');
    const out = runFramer<CardFrame>(framer, [bad, encodeEm4100Frame('1122334455')]);
    expect(uids(out)).toEqual(['1122334455']);
    expect(framer.stats.rejected).toBe(1);
    expect(reasons[0]).toMatch(/checksum 00 does not match/);
  });

  it('resynchronises on the next STX after garbage and a truncated frame', () => {
    const framer = new Em4100Framer();
    const stream = Buffer.concat([
      Buffer.from('noise!', 'latin1'),
      Buffer.from('\x020A1B2C', 'latin1'), // cut short: the reader lost power mid-frame
      encodeEm4100Frame('0102030405'),
      Buffer.from('\r\n', 'latin1'), // some clones add CRLF: not counted as garbage
      encodeEm4100Frame('A0B0C0D0E0'),
    ]);
    expect(uids(runFramer(framer, [stream]))).toEqual(['0102030405', 'A0B0C0D0E0']);
    expect(framer.stats.rejected).toBe(2); // the noise run and the truncated frame
  });

  it('rejects a frame whose 13th byte is not ETX', () => {
    const framer = new Em4100Framer();
    const out = runFramer(framer, [Buffer.from('\x020A1B2C3D4E4EX', 'latin1')]);
    expect(out).toEqual([]);
    expect(framer.stats.rejected).toBe(1);
  });

  it('property: random bytes never throw, and buffering stays bounded', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const framer = new Em4100Framer();
        const out = runFramer<CardFrame>(framer, [bytes]);
        for (const f of out) expect(f.uid).toMatch(/^[0-9A-F]{10}$/);
        expect(framer.stats.bytesIn).toBe(bytes.length);
      }),
    );
  });

  it('property: a valid frame split at any bytes, amid noise, decodes the same', () => {
    const uid = fc
      .uint8Array({ minLength: 5, maxLength: 5 })
      .map((a) => Buffer.from(a).toString('hex').toUpperCase());
    const noise = fc
      .uint8Array({ maxLength: 30 })
      .map((a) => Buffer.from(a.filter((b) => b !== 0x02)));
    fc.assert(
      fc.property(uid, noise, cutPoints, (id, before, cuts) => {
        const stream = Buffer.concat([before, encodeEm4100Frame(id)]);
        const whole = uids(runFramer(new Em4100Framer(), [stream]));
        const split = uids(runFramer(new Em4100Framer(), splitAt(stream, cuts)));
        expect(whole).toEqual([id]);
        expect(split).toEqual(whole);
      }),
    );
  });
});
