/**
 * USB HID boot-protocol keyboard reports (HID spec, appendix B): 8 bytes = modifier bits, a reserved
 * byte, and up to 6 usage codes of the keys held down. Card readers in "keyboard mode" type the UID
 * as key presses followed by Enter.
 */
export const BOOT_REPORT_LENGTH = 8;

const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
export const KEY_ENTER = 0x28;
export const KEY_KEYPAD_ENTER = 0x58;
/** usage 0x01 in every slot: the keyboard reports "too many keys" (phantom state) */
const ERROR_ROLL_OVER = 0x01;

export interface BootReport {
  shift: boolean;
  keys: number[];
}

/**
 * Reads one report; hidraw on Linux delivers 8 bytes for a boot keyboard, or 9 when the device
 * prefixes a report ID, which is then dropped. Returns null for a report that is neither.
 */
export function readBootReport(report: Uint8Array): BootReport | null {
  const bytes =
    report.length === BOOT_REPORT_LENGTH + 1
      ? report.subarray(1)
      : report.length === BOOT_REPORT_LENGTH
        ? report
        : null;
  if (!bytes) return null;
  const modifier = bytes[0] ?? 0;
  const keys = [...bytes.subarray(2)].filter((k) => k !== 0);
  if (keys.some((k) => k === ERROR_ROLL_OVER)) return { shift: false, keys: [] };
  return { shift: (modifier & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0, keys };
}

/** Keys down in `next` that were not down in `previous`: a held key is one press, not many. */
export function newlyPressed(previous: readonly number[], next: readonly number[]): number[] {
  return next.filter((k) => !previous.includes(k));
}

const DIGITS = '1234567890';

/** The character a key types on a US layout (what readers assume), or null for other keys. */
export function keyToChar(usage: number, shift: boolean): string | null {
  if (usage >= 0x04 && usage <= 0x1d) {
    const c = String.fromCharCode(0x61 + usage - 0x04);
    return shift ? c.toUpperCase() : c;
  }
  if (usage >= 0x1e && usage <= 0x27) return shift ? null : (DIGITS[usage - 0x1e] ?? null);
  if (usage >= 0x59 && usage <= 0x62) return DIGITS[usage - 0x59] ?? null;
  return null;
}

/** The report a reader sends to type `usage` (tests, the simulated reader). */
export function keyReport(usage: number, shift = false): Buffer {
  return Buffer.from([shift ? LEFT_SHIFT : 0, 0, usage, 0, 0, 0, 0, 0]);
}

/** Usage code for a hex digit or decimal digit, as a reader would type it. */
export function usageForChar(c: string): { usage: number; shift: boolean } {
  const digit = DIGITS.indexOf(c);
  if (digit >= 0) return { usage: 0x1e + digit, shift: false };
  const lower = c.toLowerCase();
  if (lower >= 'a' && lower <= 'z' && lower.length === 1) {
    return { usage: 0x04 + lower.charCodeAt(0) - 0x61, shift: c !== lower };
  }
  throw new Error(`no key types ${JSON.stringify(c)}`);
}

/** All reports a keyboard-mode reader sends to type `text` and Enter (press, release each). */
export function reportsForLine(text: string): Buffer[] {
  const release = Buffer.alloc(BOOT_REPORT_LENGTH);
  const reports: Buffer[] = [];
  for (const c of text) {
    const { usage, shift } = usageForChar(c);
    reports.push(keyReport(usage, shift), release);
  }
  reports.push(keyReport(KEY_ENTER), release);
  return reports;
}
