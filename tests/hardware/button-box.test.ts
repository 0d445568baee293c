import { describe, expect, it } from 'vitest';
import { ButtonBoxFramer, type ButtonFrame } from '../../hardware/framing/button-box-framer';
import { runFramer } from './support/split';

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
});
