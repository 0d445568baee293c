/**
 * What a clip's bytes really are, from their first bytes, so a renamed text file or a truncated
 * upload is refused with a clear message instead of being saved as a clip that plays as silence.
 */
export type SniffedAudio = 'audio/webm' | 'audio/ogg' | 'audio/wav' | 'audio/mpeg' | 'audio/mp4';

export function sniffAudio(bytes: Buffer): SniffedAudio | null {
  const ascii = (from: number, to: number): string => bytes.subarray(from, to).toString('latin1');
  // EBML header: WebM (and Matroska) files, what Chromium's MediaRecorder makes.
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'audio/webm';
  if (ascii(0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(0, 3) === 'ID3' || (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] ?? 0) >= 0xe0))
    return 'audio/mpeg';
  if (ascii(4, 8) === 'ftyp') return 'audio/mp4';
  return null;
}

/** The file extension the override pack stores a clip of this type under. */
export const extensionOf = {
  'audio/webm': '.webm',
  'audio/ogg': '.ogg',
  'audio/wav': '.wav',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
} as const satisfies Record<SniffedAudio, string>;
