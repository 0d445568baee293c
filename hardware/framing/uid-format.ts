/**
 * How a line or keyboard-mode reader writes a UID. Many cheap "IC card readers" print the 4-byte
 * Mifare UID as a 10-digit decimal number, some with the bytes reversed; others print hex.
 * 'auto' reads exactly 10 decimal digits as decimal and anything else as hex.
 */
export type UidFormat = 'hex' | 'decimal' | 'auto';
export type ByteOrder = 'msb-first' | 'lsb-first';

export interface UidTextOptions {
  format: UidFormat;
  byteOrder: ByteOrder;
}

export type UidParse = { ok: true; uid: string } | { ok: false; reason: string };

/** UIDs are 4, 7 or 10 bytes (ISO 14443A) or 5 (EM4100); anything past 10 bytes is not a UID. */
const MAX_UID_BYTES = 10;

/** Turns one line of reader output into an upper-case hex UID, or says why it is not one. */
export function parseUidText(text: string, options: UidTextOptions): UidParse {
  const line = text.trim();
  if (line.length === 0) return { ok: false, reason: 'empty line' };
  const format =
    options.format === 'auto' ? (/^\d{10}$/.test(line) ? 'decimal' : 'hex') : options.format;
  const bytes = format === 'decimal' ? decimalBytes(line) : hexBytes(line);
  if (typeof bytes === 'string') return { ok: false, reason: bytes };
  if (bytes.length === 0 || bytes.length > MAX_UID_BYTES) {
    return { ok: false, reason: `${bytes.length} bytes is not a card UID length` };
  }
  if (options.byteOrder === 'lsb-first') bytes.reverse();
  return { ok: true, uid: Buffer.from(bytes).toString('hex').toUpperCase() };
}

function hexBytes(line: string): number[] | string {
  // readers differ in separators: "04A2B3C4", "04 A2 B3 C4", "04:a2:b3:c4"
  const digits = line.replace(/[\s:-]/g, '');
  if (!/^[0-9A-Fa-f]+$/.test(digits)) return `"${printable(line)}" is not hexadecimal`;
  if (digits.length % 2 !== 0) return `"${printable(line)}" has an odd number of hex digits`;
  return [...Buffer.from(digits, 'hex')];
}

function decimalBytes(line: string): number[] | string {
  if (!/^\d{1,25}$/.test(line)) return `"${printable(line)}" is not a decimal number`;
  let value = BigInt(line);
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  // a 4-byte UID with leading zero bytes is still 4 bytes on the card
  while (bytes.length < 4) bytes.unshift(0);
  return bytes;
}

const printable = (s: string): string => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
