import iconv from 'iconv-lite';

/** One printed line as the paper would show it. */
export interface PrintedLine {
  text: string;
  /** GS ! size: width and height multipliers */
  width: number;
  height: number;
  align: 'left' | 'center' | 'right';
}

export interface DecodedTicket {
  lines: PrintedLine[];
  qr: string[];
  cuts: number;
  /** DLE EOT real-time status queries seen in the stream */
  statusQueries: number;
  initialised: boolean;
  unknown: number[];
}

/**
 * Reads ESC/POS bytes back the way a printer would, for the commands the ticket uses; anything
 * else is listed in `unknown` so a test notices stray bytes. Test-only: decoding is the printer's job.
 */
export function decodeEscPos(bytes: Buffer): DecodedTicket {
  const out: DecodedTicket = {
    lines: [],
    qr: [],
    cuts: 0,
    statusQueries: 0,
    initialised: false,
    unknown: [],
  };
  let width = 1;
  let height = 1;
  let align: PrintedLine['align'] = 'left';
  let text: number[] = [];
  const at = (i: number): number => bytes[i] ?? -1;
  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      out.lines.push({ text: iconv.decode(Buffer.from(text), 'gb18030'), width, height, align });
      text = [];
      i += 1;
    } else if (b === 0x10 && at(i + 1) === 0x04) {
      out.statusQueries += 1;
      i += 3;
    } else if (b === 0x1b && at(i + 1) === 0x40) {
      out.initialised = true;
      i += 2;
    } else if (b === 0x1b && at(i + 1) === 0x61) {
      align = (['left', 'center', 'right'] as const)[at(i + 2)] ?? 'left';
      i += 3;
    } else if (b === 0x1b && (at(i + 1) === 0x45 || at(i + 1) === 0x64)) {
      i += 3;
    } else if (b === 0x1c && at(i + 1) === 0x26) {
      i += 2;
    } else if (b === 0x1d && at(i + 1) === 0x21) {
      width = (at(i + 2) >> 4) + 1;
      height = (at(i + 2) & 0x0f) + 1;
      i += 3;
    } else if (b === 0x1d && at(i + 1) === 0x28 && at(i + 2) === 0x6b) {
      const length = at(i + 3) + at(i + 4) * 256;
      const fn = at(i + 6);
      if (fn === 80) out.qr.push(bytes.subarray(i + 8, i + 5 + length).toString('utf8'));
      i += 5 + length;
    } else if (b === 0x1d && at(i + 1) === 0x56) {
      out.cuts += 1;
      i += at(i + 2) >= 65 ? 4 : 3;
    } else if (b >= 0x20) {
      text.push(b);
      i += 1;
    } else {
      out.unknown.push(b);
      i += 1;
    }
  }
  return out;
}
