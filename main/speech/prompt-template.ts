import {
  readDate,
  readInteger,
  readMoney,
  readQueueNumber,
  readTime,
  type Reading,
} from './number-reading';
import type { NumberStyle } from './number-styles';
import type { UnitId } from './unit-tokens';

/**
 * A prompt's i18next template split into fixed text and {{slots}}. The fixed pieces are what a
 * voice pack records; the slots are filled at run time: numbers composed from unit clips, names by
 * TTS. Slot formats use i18next's own syntax, `{{amount, money}}`:
 * money (fen → 元角分), integer, time (HH:MM), date (YYYY-MM-DD), queue (digit by digit + 号).
 */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'slot'; name: string; format: string | null };

const slotPattern = /\{\{\s*-?\s*([\w.]+)\s*(?:,\s*([\w-]+)[^}]*)?\}\}/g;

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(slotPattern)) {
    if (m.index > last) parts.push({ kind: 'text', text: template.slice(last, m.index) });
    parts.push({ kind: 'slot', name: m[1] ?? '', format: m[2] ?? null });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/** The fixed pieces a pack records for a template, in order (empty pieces have no clip). */
export const textPieces = (parts: TemplatePart[]): string[] =>
  parts.flatMap((p) => (p.kind === 'text' && p.text.trim() !== '' ? [p.text] : []));

/** A slot's value read aloud: units to compose from clips (numbers) or null (names: TTS only). */
export interface SlotReading {
  text: string;
  units: UnitId[] | null;
}

export function readSlot(
  value: string | number | undefined,
  format: string | null,
  style: NumberStyle,
): SlotReading {
  if (value === undefined) return { text: '', units: null };
  const asReading = (r: Reading): SlotReading => ({ text: r.text, units: r.units });
  const n = typeof value === 'number' ? value : Number(value);
  try {
    switch (format) {
      case 'money':
        return asReading(readMoney(n, style));
      case 'integer':
      case 'number':
        return asReading(readInteger(n, style));
      case 'time':
        return asReading(readTime(String(value), style));
      case 'date':
        return asReading(readDate(String(value), style));
      case 'queue':
        return asReading(readQueueNumber(n, style));
      default:
        // A bare number in a slot is read as a quantity; anything else (a name) is said as written.
        if (typeof value === 'number') return asReading(readInteger(value, style));
        return { text: value, units: null };
    }
  } catch {
    // Out of range for composing (a bad amount): say it as written rather than fail the line.
    return { text: String(value), units: null };
  }
}

/** The whole line as text: the caption, or the TTS input. */
export function renderTemplate(
  parts: TemplatePart[],
  params: Record<string, string | number>,
  style: NumberStyle,
): string {
  return parts
    .map((p) => (p.kind === 'text' ? p.text : readSlot(params[p.name], p.format, style).text))
    .join('');
}
