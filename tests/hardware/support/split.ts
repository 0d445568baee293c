import type { Transform } from 'node:stream';
import fc from 'fast-check';

/** Feeds `chunks` to a fresh framer and collects what it emits, synchronously. */
export function runFramer<T>(framer: Transform, chunks: Buffer[]): T[] {
  const out: T[] = [];
  framer.on('data', (frame: T) => out.push(frame));
  for (const chunk of chunks) framer.write(chunk);
  return out;
}

/** Splits `bytes` into chunks at the given cut points (any subset of byte positions). */
export function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks.filter((c) => c.length > 0);
}

export const cutPoints = fc.array(fc.nat({ max: 1000 }), { maxLength: 12 });
export const randomBytes = fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a));
