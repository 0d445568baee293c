/**
 * PN532 frame layout (NXP PN532 user manual, "Normal information frame"):
 *   PREAMBLE 00 | START CODE 00 FF | LEN | LCS | TFI | PD0..PDn | DCS | POSTAMBLE 00
 * LEN counts TFI + PD; LEN + LCS = 0 (mod 256); TFI + PD + DCS = 0 (mod 256).
 * TFI is D4 from host to PN532 and D5 back. ACK is 00 00 FF 00 FF 00, NACK 00 00 FF FF 00 00,
 * and an application-level error frame carries TFI 7F.
 */
export const TFI_HOST = 0xd4;
export const TFI_PN532 = 0xd5;
export const TFI_ERROR = 0x7f;

export const ACK = Buffer.from([0x00, 0x00, 0xff, 0x00, 0xff, 0x00]);
export const NACK = Buffer.from([0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);
export const ERROR_FRAME = Buffer.from([0x00, 0x00, 0xff, 0x01, 0xff, 0x7f, 0x81, 0x00]);

/** Command codes used by the driver; the response code is the command code + 1. */
export const CMD = {
  GetFirmwareVersion: 0x02,
  SAMConfiguration: 0x14,
  RFConfiguration: 0x32,
  InListPassiveTarget: 0x4a,
} as const;

/** Longest data a normal frame carries: LEN is one byte and includes the TFI. */
export const MAX_NORMAL_DATA = 254;

/** Builds a normal information frame: TFI followed by `data` (command code first). */
export function encodePn532Frame(tfi: number, data: Uint8Array): Buffer {
  if (data.length > MAX_NORMAL_DATA) {
    throw new Error(`PN532 normal frames carry at most ${MAX_NORMAL_DATA} data bytes`);
  }
  const len = data.length + 1;
  const sum = data.reduce((acc, b) => acc + b, tfi);
  return Buffer.from([
    0x00,
    0x00,
    0xff,
    len,
    (0x100 - len) & 0xff,
    tfi,
    ...data,
    (0x100 - (sum & 0xff)) & 0xff,
    0x00,
  ]);
}

/**
 * HSU wake-up: the PN532 sleeps after power-on in HSU mode and wakes on a long run of bytes;
 * 0x55 0x55 followed by zeros is the sequence the user manual's HSU wake-up section describes,
 * and it must be followed by a command (SAMConfiguration) before the chip dozes off again.
 */
export const WAKE_UP = Buffer.from([0x55, 0x55, ...new Array<number>(14).fill(0x00)]);
