import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ButtonBoxFramer, type ButtonFrame } from '../../hardware/framing/button-box-framer';
import { cutPoints, randomBytes, runFramer, splitAt } from './support/split';

describe('serial button box framer', () => {
  it('maps the configured bytes to red and green and counts other bytes', () => {
    const framer = new ButtonBoxFramer({ red: 0x01, green: 0x02 });
    const out = runFramer<ButtonFrame>(framer, [Buffer.from([0x01, 0x0d, 0x0a, 0x02, 0x99, 0x01])]);
    expect(out.map((f) => f.button)).toEqual(['red', 'green', 'red']);
    expect(framer.stats.rejected).toBe(1);
  });

  it('refuses the same byte for both buttons', () => {
    expect(() => new ButtonBoxFramer({ red: 0x52, green: 0x52 })).toThrow(/different bytes/);
  });

  it('property: random bytes never throw; every byte is a press, a line end or one rejection', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const framer = new ButtonBoxFramer();
        const out = runFramer<ButtonFrame>(framer, [bytes]);
        const presses = [...bytes].filter((b) => b === 0x52 || b === 0x47).length;
        const lineEnds = [...bytes].filter((b) => b === 0x0d || b === 0x0a).length;
        expect(out).toHaveLength(presses);
        expect(framer.stats.rejected).toBe(bytes.length - presses - lineEnds);
      }),
    );
  });

  it('property: a stream split anywhere decodes the same', () => {
    const stream = fc
      .array(fc.constantFrom(0x52, 0x47, 0x0d, 0x0a, 0x00, 0xff), { maxLength: 200 })
      .map((a) => Buffer.from(a));
    fc.assert(
      fc.property(stream, cutPoints, (bytes, cuts) => {
        const whole = runFramer<ButtonFrame>(new ButtonBoxFramer(), [bytes]);
        const split = runFramer<ButtonFrame>(new ButtonBoxFramer(), splitAt(bytes, cuts));
        expect(split).toEqual(whole);
      }),
    );
  });
});
