import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardFrame } from '../../hardware/framing/em4100-framer';
import { LineFramer } from '../../hardware/framing/line-framer';
import { parseUidText, type UidTextOptions } from '../../hardware/framing/uid-format';
import { cutPoints, randomBytes, runFramer, splitAt } from './support/split';

const auto: UidTextOptions = { format: 'auto', byteOrder: 'msb-first' };
const lines = (options: UidTextOptions, text: string): string[] =>
  runFramer<CardFrame>(new LineFramer(options), [Buffer.from(text, 'latin1')]).map((f) => f.uid);

describe('line reader framer', () => {
  it('accepts CR, LF and CRLF endings and normalises hex to upper case', () => {
    expect(lines(auto, '04a2b3c4\r04A2B3C5\n04:a2:b3:c6\r\n')).toEqual([
      '04A2B3C4',
      '04A2B3C5',
      '04A2B3C6',
    ]);
  });

  it('reads a 10-digit decimal as the 4-byte UID, in either byte order', () => {
    // 0x04A2B3C4 = 77771716 → printed by the reader as 0077771716
    expect(lines(auto, '0077771716\r\n')).toEqual(['04A2B3C4']);
    expect(lines({ format: 'decimal', byteOrder: 'lsb-first' }, '0077771716\n')).toEqual([
      'C4B3A204',
    ]);
    expect(lines({ format: 'decimal', byteOrder: 'msb-first' }, '3735928559\n')).toEqual([
      'DEADBEEF',
    ]);
  });

  it('hex format reads ten digits as hex, not decimal', () => {
    expect(lines({ format: 'hex', byteOrder: 'msb-first' }, '0077771716\n')).toEqual([
      '0077771716',
    ]);
  });

  it('counts and drops lines that are not UIDs', () => {
    const framer = new LineFramer(auto);
    const reasons: string[] = [];
    framer.on('reject', (r: string) => reasons.push(r));
    const out = runFramer<CardFrame>(framer, [
      Buffer.from('hello\r\n0A1\r\n' + 'F'.repeat(80) + '\r\n04A2B3C4\r\n', 'latin1'),
    ]);
    expect(out.map((f) => f.uid)).toEqual(['04A2B3C4']);
    expect(framer.stats.rejected).toBe(3);
    expect(reasons).toEqual([
      '"hello" is not hexadecimal',
      '"0A1" has an odd number of hex digits',
      'line longer than 64 bytes',
    ]);
  });

  it('parseUidText refuses lengths no card has', () => {
    expect(parseUidText('00112233445566778899AA', auto)).toEqual({
      ok: false,
      reason: '11 bytes is not a card UID length',
    });
  });

  it('property: random bytes never throw and every UID is upper-case hex', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const out = runFramer<CardFrame>(new LineFramer(auto), [bytes]);
        for (const f of out) expect(f.uid).toMatch(/^([0-9A-F]{2})+$/);
      }),
    );
  });

  it('property: a line split at any byte decodes the same', () => {
    const uid = fc
      .uint8Array({ minLength: 4, maxLength: 10 })
      .map((a) => Buffer.from(a).toString('hex'));
    const ending = fc.constantFrom('\r', '\n', '\r\n');
    fc.assert(
      fc.property(uid, ending, cutPoints, (id, end, cuts) => {
        const stream = Buffer.from(`${id}${end}`, 'latin1');
        const opts: UidTextOptions = { format: 'hex', byteOrder: 'msb-first' };
        const whole = runFramer<CardFrame>(new LineFramer(opts), [stream]).map((f) => f.uid);
        const split = runFramer<CardFrame>(new LineFramer(opts), splitAt(stream, cuts)).map(
          (f) => f.uid,
        );
        expect(whole).toEqual([id.toUpperCase()]);
        expect(split).toEqual(whole);
      }),
    );
  });
});
