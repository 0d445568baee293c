import type { CardFrame } from '../framing/em4100-framer';
import { FramingTransform } from '../framing/framing-transform';
import { parseUidText, type UidTextOptions } from '../framing/uid-format';
import {
  KEY_ENTER,
  KEY_KEYPAD_ENTER,
  keyToChar,
  newlyPressed,
  readBootReport,
} from './boot-keyboard';

const MAX_LINE = 64;

/**
 * HID keyboard-mode card readers: boot reports in (one per chunk, as node-hid delivers them),
 * card UIDs out when Enter is pressed. The typed text goes through the same UID parsing as line
 * readers, so decimal and byte-reversed readers are configured the same way.
 */
export class HidKeyboardDecoder extends FramingTransform<CardFrame> {
  private held: number[] = [];
  private line = '';

  constructor(private readonly options: UidTextOptions) {
    super();
  }

  protected consume(report: Buffer): void {
    const parsed = readBootReport(report);
    if (!parsed) {
      this.reject(`a ${report.length}-byte report is not a boot keyboard report`);
      return;
    }
    const pressed = newlyPressed(this.held, parsed.keys);
    this.held = parsed.keys;
    for (const usage of pressed) this.press(usage, parsed.shift);
  }

  private press(usage: number, shift: boolean): void {
    if (usage === KEY_ENTER || usage === KEY_KEYPAD_ENTER) {
      const line = this.line;
      this.line = '';
      if (line.length === 0) return;
      const uid = parseUidText(line, this.options);
      if (uid.ok) this.emitFrame({ type: 'card', uid: uid.uid });
      else this.reject(uid.reason);
      return;
    }
    const c = keyToChar(usage, shift);
    if (c === null) {
      this.reject(`key 0x${usage.toString(16)} is not part of a UID`);
      this.line = '';
      return;
    }
    if (this.line.length < MAX_LINE) this.line += c;
  }
}
