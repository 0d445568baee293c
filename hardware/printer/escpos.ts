/**
 * The ESC/POS commands the ticket uses (Epson ESC/POS reference; Chinese thermal printers follow
 * it). Each returns the exact bytes, so tests can look for them in captured output.
 */
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EOT = 0x04;

export const escpos = {
  initialize: (): Buffer => Buffer.from([ESC, 0x40]),
  /** FS & : Chinese (two-byte) character mode, so GB18030 text prints as hanzi */
  chineseMode: (): Buffer => Buffer.from([FS, 0x26]),
  /** ESC a n : 0 left, 1 centre, 2 right */
  align: (where: 'left' | 'center' | 'right'): Buffer =>
    Buffer.from([ESC, 0x61, where === 'left' ? 0 : where === 'center' ? 1 : 2]),
  /** GS ! n : width multiplier in the high nibble, height in the low nibble (1-8 each) */
  size: (width: number, height: number): Buffer =>
    Buffer.from([GS, 0x21, ((clamp(width) - 1) << 4) | (clamp(height) - 1)]),
  bold: (on: boolean): Buffer => Buffer.from([ESC, 0x45, on ? 1 : 0]),
  lineFeed: (): Buffer => Buffer.from([0x0a]),
  /** ESC d n : print and feed n lines */
  feed: (lines: number): Buffer => Buffer.from([ESC, 0x64, lines & 0xff]),
  /** GS V 66 n : feed n dots past the cutter and cut (partial cut where the cutter has one) */
  cut: (): Buffer => Buffer.from([GS, 0x56, 0x42, 0x00]),
  /** DLE EOT n : real-time status; 1 printer, 2 offline cause, 4 roll paper sensor */
  statusQuery: (n: 1 | 2 | 4): Buffer => Buffer.from([DLE, EOT, n]),
  qr,
};

function clamp(n: number): number {
  return Math.min(8, Math.max(1, Math.round(n)));
}

/** GS ( k with cn = 49 (QR code): pL pH count the bytes after them. */
function qrFunction(fn: number, params: Uint8Array): Buffer {
  const length = params.length + 2;
  return Buffer.from([GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params]);
}

/** QR data is limited by the symbol (version 40, level M: 2331 bytes); tickets carry short URLs. */
export const MAX_QR_BYTES = 2331;

/**
 * QR code: select model 2 (fn 65), module size (fn 67), error correction M (fn 69), store the
 * data (fn 80, m = 48), print it (fn 81).
 */
function qr(data: Buffer, moduleSize = 6): Buffer {
  if (data.length === 0 || data.length > MAX_QR_BYTES) {
    throw new Error(`QR data must be 1-${MAX_QR_BYTES} bytes, got ${data.length}`);
  }
  return Buffer.concat([
    qrFunction(65, Uint8Array.from([0x32, 0x00])),
    qrFunction(67, Uint8Array.from([Math.min(16, Math.max(1, moduleSize))])),
    qrFunction(69, Uint8Array.from([0x31])),
    qrFunction(80, Uint8Array.from([0x30, ...data])),
    qrFunction(81, Uint8Array.from([0x30])),
  ]);
}
