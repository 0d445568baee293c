import type { ButtonFrame } from '../framing/button-box-framer';
import { FramingTransform } from '../framing/framing-transform';
import { newlyPressed, readBootReport } from './boot-keyboard';

/** HID usage codes of the keys a USB button box types; F1 = red, F2 = green unless configured. */
export interface ButtonKeys {
  red: number;
  green: number;
}
export const DEFAULT_BUTTON_KEYS: ButtonKeys = { red: 0x3a, green: 0x3b };

/** Red/green buttons that present themselves as a keyboard: a key press is a button press. */
export class HidButtonDecoder extends FramingTransform<ButtonFrame> {
  private held: number[] = [];

  constructor(private readonly keys: ButtonKeys = DEFAULT_BUTTON_KEYS) {
    super();
  }

  protected consume(report: Buffer): void {
    const parsed = readBootReport(report);
    if (!parsed) {
      this.reject(`a ${report.length}-byte report is not a boot keyboard report`);
      return;
    }
    for (const usage of newlyPressed(this.held, parsed.keys)) {
      if (usage === this.keys.red) this.emitFrame({ type: 'button', button: 'red' });
      else if (usage === this.keys.green) this.emitFrame({ type: 'button', button: 'green' });
      else this.reject(`key 0x${usage.toString(16)} is not a configured button`);
    }
    this.held = parsed.keys;
  }
}
