import type { CardFrame } from './em4100-framer';
import { FramingTransform } from './framing-transform';
import { parseUidText, type UidTextOptions } from './uid-format';

const CR = 0x0d;
const LF = 0x0a;
/** No reader prints a UID this long; a longer line is noise, dropped up to its end. */
const MAX_LINE = 64;

/**
 * Line readers: one UID per line ended by CR, LF or CRLF, written as hex or decimal. Each line is
 * normalised to upper-case hex (uid-format.ts); lines that are not a UID are counted and dropped.
 * Not @serialport/parser-readline or parser-regex: they buffer a line without bound, and a reader
 * on the wrong baud rate that never sends a line end must be counted, not buffered for ever
 * (docs/hardware.md says more).
 */
export class LineFramer extends FramingTransform<CardFrame> {
  private line: number[] = [];
  private overlong = false;

  constructor(private readonly options: UidTextOptions) {
    super();
  }

  protected consume(bytes: Buffer): void {
    for (const b of bytes) {
      if (b === CR || b === LF) {
        this.endLine();
        continue;
      }
      if (this.line.length >= MAX_LINE) {
        this.overlong = true;
        continue;
      }
      this.line.push(b);
    }
  }

  private endLine(): void {
    const line = this.line;
    this.line = [];
    if (this.overlong) {
      this.overlong = false;
      this.reject(`line longer than ${MAX_LINE} bytes`);
      return;
    }
    // the LF of a CRLF (or a blank line) ends an empty line: not a frame, not an error
    if (line.length === 0) return;
    const parsed = parseUidText(Buffer.from(line).toString('latin1'), this.options);
    if (parsed.ok) this.emitFrame({ type: 'card', uid: parsed.uid });
    else this.reject(parsed.reason);
  }
}
