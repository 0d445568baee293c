import { FramingTransform } from './framing-transform';

const STX = 0x02;
const ETX = 0x03;
const CR = 0x0d;
const LF = 0x0a;
/** 10 ASCII-hex data characters plus 2 ASCII-hex checksum characters between STX and ETX. */
const BODY_LENGTH = 12;

export interface CardFrame {
  type: 'card';
  uid: string;
}

const isHexDigit = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

/**
 * 125 kHz EM4100 readers of the RDM6300 kind: STX, 10 ASCII-hex data (version byte + 32-bit id),
 * 2 ASCII-hex XOR checksum of the 5 data bytes, ETX. The UID is the 10 data characters, upper-case.
 * Anything else is counted as rejected and dropped; a new STX always starts a new frame, so one lost
 * byte costs one frame, not the stream. CR/LF between frames (some clones send them) is ignored.
 */
export class Em4100Framer extends FramingTransform<CardFrame> {
  private body: number[] | null = null;
  private noise = 0;

  protected consume(bytes: Buffer): void {
    for (const b of bytes) this.step(b);
  }

  private step(b: number): void {
    if (b === STX) {
      this.flushNoise();
      if (this.body) this.reject('frame cut short by a new STX');
      this.body = [];
      return;
    }
    if (!this.body) {
      if (b !== CR && b !== LF) this.noise += 1;
      return;
    }
    if (this.body.length < BODY_LENGTH) {
      if (isHexDigit(b)) {
        this.body.push(b);
        return;
      }
      this.body = null;
      this.reject(`byte 0x${b.toString(16).padStart(2, '0')} inside a frame is not a hex digit`);
      return;
    }
    const body = Buffer.from(this.body).toString('latin1').toUpperCase();
    this.body = null;
    if (b !== ETX) {
      this.reject('frame not closed by ETX');
      return;
    }
    const data = Buffer.from(body.slice(0, 10), 'hex');
    const checksum = Number.parseInt(body.slice(10), 16);
    const xor = data.reduce((acc, x) => acc ^ x, 0);
    if (xor !== checksum) {
      this.reject(`checksum ${body.slice(10)} does not match data (expected ${hex2(xor)})`);
      return;
    }
    this.emitFrame({ type: 'card', uid: body.slice(0, 10) });
  }

  private flushNoise(): void {
    if (this.noise === 0) return;
    this.reject(`${this.noise} byte(s) outside any frame`);
    this.noise = 0;
  }

  override _flush(done: () => void): void {
    this.flushNoise();
    done();
  }
}

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/** Builds a valid EM4100 frame for a 10-hex-digit UID (the simulated reader, tests, the bench). */
export function encodeEm4100Frame(uid: string): Buffer {
  if (!/^[0-9A-Fa-f]{10}$/.test(uid)) throw new Error(`EM4100 UID must be 10 hex digits: ${uid}`);
  const xor = Buffer.from(uid, 'hex').reduce((acc, x) => acc ^ x, 0);
  return Buffer.concat([
    Buffer.from([STX]),
    Buffer.from(uid.toUpperCase() + hex2(xor), 'latin1'),
    Buffer.from([ETX]),
  ]);
}
