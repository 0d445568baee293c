import { FramingTransform } from './framing-transform';
import { MAX_NORMAL_DATA } from './pn532-frame';

export type Pn532Frame =
  | { type: 'ack' }
  | { type: 'nack' }
  | { type: 'error' }
  | { type: 'frame'; tfi: number; data: Buffer };

/** Enough for the longest normal frame plus leading noise before we give up on the buffer. */
const MAX_BUFFER = 1024;

/**
 * Splits the PN532 UART byte stream into ACK, NACK, error and information frames, checking LCS and
 * DCS. Extended frames (LEN > 255) are refused: the driver never asks for that much data, so one
 * arriving means a confused module or the wrong device, and it is skipped and counted.
 * Works on a buffer so that a frame split across reads decodes exactly as a whole one.
 */
export class Pn532Framer extends FramingTransform<Pn532Frame> {
  private buffer = Buffer.alloc(0);

  protected consume(bytes: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, bytes]);
    for (;;) {
      const consumed = this.parseOne();
      if (consumed === 0) break;
      this.buffer = this.buffer.subarray(consumed);
    }
    if (this.buffer.length > MAX_BUFFER) {
      this.reject(`${this.buffer.length} bytes without a complete frame`);
      this.buffer = Buffer.alloc(0);
    }
  }

  /** Parses at most one frame at the head of the buffer; returns bytes consumed, 0 = need more. */
  private parseOne(): number {
    const buf = this.buffer;
    const start = findStartCode(buf);
    if (start < 0) {
      // keep a trailing 00 (it may be the first half of a start code); the rest is filler/noise
      const keep = buf.length > 0 && buf[buf.length - 1] === 0x00 ? 1 : 0;
      const noise = countNoise(buf.subarray(0, buf.length - keep));
      if (noise > 0) this.reject(`${noise} byte(s) outside any frame`);
      return buf.length - keep;
    }
    if (start > 0) {
      const noise = countNoise(buf.subarray(0, start));
      if (noise > 0) this.reject(`${noise} byte(s) outside any frame`);
      return start;
    }
    // buf[0..1] is 00 FF
    if (buf.length < 4) return 0;
    const len = buf[2] ?? 0;
    const lcs = buf[3] ?? 0;
    if (len === 0x00 && lcs === 0xff) return this.emitAndTake({ type: 'ack' }, 4);
    if (len === 0xff && lcs === 0x00) return this.emitAndTake({ type: 'nack' }, 4);
    if (len === 0xff && lcs === 0xff) return this.refuseExtended();
    if (((len + lcs) & 0xff) !== 0) {
      this.reject(`LCS check failed (LEN 0x${hex(len)}, LCS 0x${hex(lcs)})`);
      return 2;
    }
    if (buf.length < 4 + len + 1) return 0;
    const body = buf.subarray(4, 4 + len);
    const dcs = buf[4 + len] ?? 0;
    const sum = body.reduce((acc, b) => acc + b, dcs);
    if ((sum & 0xff) !== 0) {
      this.reject('DCS check failed');
      return 2;
    }
    const tfi = body[0] ?? 0;
    const consumed = 4 + len + 1;
    if (tfi === 0x7f && len === 1) return this.emitAndTake({ type: 'error' }, consumed);
    return this.emitAndTake({ type: 'frame', tfi, data: Buffer.from(body.subarray(1)) }, consumed);
  }

  private refuseExtended(): number {
    const buf = this.buffer;
    // 00 FF FF FF LENM LENL LCS TFI ... DCS
    if (buf.length < 7) return 0;
    const len = ((buf[4] ?? 0) << 8) | (buf[5] ?? 0);
    if ((((buf[4] ?? 0) + (buf[5] ?? 0) + (buf[6] ?? 0)) & 0xff) !== 0) {
      this.reject('extended frame with a bad length checksum');
      return 2;
    }
    const total = 7 + len + 1;
    this.reject(
      `extended frame of ${len} bytes refused: this driver only uses normal frames (at most ${MAX_NORMAL_DATA} data bytes)`,
    );
    // skip what is here of it; bytes still to come are dropped as noise before the next start code
    return Math.min(total, buf.length);
  }

  private emitAndTake(frame: Pn532Frame, consumed: number): number {
    this.emitFrame(frame);
    return consumed;
  }
}

function findStartCode(buf: Buffer): number {
  for (let i = 0; i + 1 < buf.length; i += 1) {
    if (buf[i] === 0x00 && buf[i + 1] === 0xff) return i;
  }
  return -1;
}

/** Preamble and postamble zeros are legitimate filler between frames, not noise. */
function countNoise(bytes: Buffer): number {
  let n = 0;
  for (const b of bytes) if (b !== 0x00) n += 1;
  return n;
}

const hex = (n: number): string => n.toString(16).padStart(2, '0');
