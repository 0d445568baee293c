import { BaseDriver, DeviceError } from '../driver';
import { parseUidText, type UidTextOptions } from '../framing/uid-format';

/** How the renderer's detector saw a burst; the driver answers with the UID or why it is none. */
export type WedgeRead = { ok: true; uid: string } | { ok: false; reason: string };

/**
 * Card readers in keyboard mode that type the UID and Enter into the kiosk window (the renderer's
 * keyboard-wedge detector catches the burst and hands the typed text to the core). The text goes
 * through the same parsing as a line reader's (decimal, byte order, separators → upper-case hex),
 * and the card through the device manager like any reader's, so a HID reader read both raw
 * (hid-keyboard driver) and as keystrokes (this one) counts as one tap.
 */
export class KeyboardWedgeReader extends BaseDriver {
  readonly kind = 'card-reader' as const;

  constructor(
    private readonly uidText: UidTextOptions,
    name = 'keyboard-wedge',
  ) {
    super(name);
  }

  /** Nothing to open: the renderer catches the keys; "open" means bursts are taken. */
  async open(): Promise<void> {
    this.setStatus('open');
  }

  async close(): Promise<void> {
    this.setStatus('closed');
  }

  /** One burst the renderer caught (the keys before Enter). */
  typed(text: string): WedgeRead {
    if (this.status.state !== 'open') {
      return { ok: false, reason: `${this.name} is not open yet` };
    }
    this.counters.bytesIn += text.length;
    const parsed = parseUidText(text, this.uidText);
    if (!parsed.ok) {
      this.counters.framesBad += 1;
      this.reportError(new DeviceError('BAD_FRAME', `${this.name}: ${parsed.reason}`, false));
      return parsed;
    }
    this.counters.framesOk += 1;
    this.emit('card', parsed.uid);
    return parsed;
  }
}
