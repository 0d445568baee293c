import type { ButtonName } from '../driver';
import { FramingTransform } from './framing-transform';

export interface ButtonFrame {
  type: 'button';
  button: ButtonName;
}

export interface ButtonBytes {
  red: number;
  green: number;
}

/** Defaults for serial button boxes: ASCII 'R' and 'G' (configurable per box). */
export const DEFAULT_BUTTON_BYTES: ButtonBytes = { red: 0x52, green: 0x47 };

/**
 * Serial red/green button boxes send one byte per press. Line endings some boxes add are ignored;
 * any other byte is counted and dropped.
 */
export class ButtonBoxFramer extends FramingTransform<ButtonFrame> {
  constructor(private readonly bytes: ButtonBytes = DEFAULT_BUTTON_BYTES) {
    super();
    if (bytes.red === bytes.green)
      throw new Error('the red and green buttons need different bytes');
  }

  protected consume(bytes: Buffer): void {
    for (const b of bytes) {
      if (b === this.bytes.red) this.emitFrame({ type: 'button', button: 'red' });
      else if (b === this.bytes.green) this.emitFrame({ type: 'button', button: 'green' });
      else if (b !== 0x0d && b !== 0x0a) this.reject(`byte 0x${b.toString(16)} is no button`);
    }
  }
}
