import { Transform, type TransformCallback } from 'node:stream';

/** What every framer counts, so drivers can tell a technician "bytes arrive but none make sense". */
export interface FramingStats {
  bytesIn: number;
  frames: number;
  rejected: number;
}

/**
 * Base for the wire-protocol framers: bytes in, objects out. A framer never throws on bad input:
 * it counts the rejected bytes or frame, emits 'reject' with a reason, and resynchronises, because
 * a reader that sends noise (wrong baud, a loose cable) must not stop the kiosk.
 */
export abstract class FramingTransform<Out> extends Transform {
  readonly stats: FramingStats = { bytesIn: 0, frames: 0, rejected: 0 };

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: unknown, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'latin1');
    this.stats.bytesIn += bytes.length;
    this.consume(bytes);
    done();
  }

  /** Handles newly arrived bytes, calling emitFrame/reject as frames complete or fail. */
  protected abstract consume(bytes: Buffer): void;

  protected emitFrame(frame: Out): void {
    this.stats.frames += 1;
    this.push(frame);
  }

  protected reject(reason: string): void {
    this.stats.rejected += 1;
    this.emit('reject', reason);
  }
}
