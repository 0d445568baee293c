/**
 * Replies to DLE EOT: one byte each, with bits 1 and 4 fixed at 1 and bits 0 and 7 at 0 — which is
 * how a status byte is told apart from anything else the printer may send.
 */
export interface PrinterStatus {
  online: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
}

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** From the replies to DLE EOT 1 (printer), 2 (offline cause) and 4 (roll paper sensor). */
export function decodeStatus(printer: number, offlineCause: number, paper: number): PrinterStatus {
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
  };
}

/** The bytes a printer in `status` answers to DLE EOT 1, 2 and 4 (tests, simulated printer). */
export function encodeStatus(status: PrinterStatus): [number, number, number] {
  return [
    0x12 | (status.online ? 0 : 0x08),
    0x12 | (status.coverOpen ? 0x04 : 0) | (status.paperOut ? 0x20 : 0),
    0x12 | (status.paperNearEnd ? 0x0c : 0) | (status.paperOut ? 0x60 : 0),
  ];
}
