import {
  englishDate,
  englishInteger,
  englishMoney,
  englishPercentPaid,
  englishQueue,
  englishTime,
} from './english-reading';
import {
  readDate,
  readInteger,
  readMoney,
  readQueueNumber,
  readTime,
  readZhe,
  type Reading,
} from './number-reading';
import { numberStyleFor } from './number-styles';
import type { UnitId } from './unit-tokens';

/**
 * A prompt's i18next template split into fixed text and {{slots}}. The fixed pieces are what a
 * voice pack records; the slots are filled at run time: numbers composed from unit clips, names by
 * TTS. Slot formats use i18next's own syntax, `{{amount, money}}`:
 * - `money`: fen → 七元五角 (Wu 七块五角, Henan 七块五毛, Cantonese 七蚊五毫)
 * - `integer`: 0–99,999 → 一百零五, 两份
 * - `time`: "HH:MM" → 十一点半; `daytime`: the same with 上午/下午 on a 12-hour clock
 * - `date`: "YYYY-MM-DD" → 十一月二十三日
 * - `queue`: a ticket number digit by digit as printed, with 号 ("012" → 零一二号)
 * - `zhe`: the percent of the price paid, said before 折 (85 → 八五)
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

/**
 * Whether a piece of fixed text has anything to say. Punctuation and spaces between slots
 * (`{{title}}，{{status}}`) are pauses: no speaker should be asked to record a comma.
 */
export const isSpokenText = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** The fixed pieces a pack records for a template, in order (pieces with nothing to say have no clip). */
export const textPieces = (parts: TemplatePart[]): string[] =>
  parts.flatMap((p) => (p.kind === 'text' && isSpokenText(p.text) ? [p.text] : []));

/** A slot's value read aloud: units to compose from clips (numbers) or null (names: TTS only). */
export interface SlotReading {
  text: string;
  units: UnitId[] | null;
}

const isEnglish = (locale: string): boolean => locale === 'en' || locale.startsWith('en-');

function readEnglish(value: string | number, format: string | null): SlotReading {
  const n = typeof value === 'number' ? value : Number(value);
  const text = (() => {
    switch (format) {
      case 'money':
        return englishMoney(n);
      case 'integer':
      case 'number':
        return englishInteger(n);
      case 'time':
      case 'daytime':
        return englishTime(String(value));
      case 'date':
        return englishDate(String(value));
      case 'queue':
        return englishQueue(value);
      case 'zhe':
        return englishPercentPaid(n);
      default:
        return typeof value === 'number' ? englishInteger(value) : value;
    }
  })();
  return { text, units: null };
}

function readChinese(value: string | number, format: string | null, locale: string): SlotReading {
  const style = numberStyleFor(locale);
  const asReading = (r: Reading): SlotReading => ({ text: r.text, units: r.units });
  const n = typeof value === 'number' ? value : Number(value);
  switch (format) {
    case 'money':
      return asReading(readMoney(n, style));
    case 'integer':
    case 'number':
      return asReading(readInteger(n, style));
    case 'time':
      return asReading(readTime(String(value), style));
    case 'daytime':
      return asReading(readTime(String(value), style, { period: true }));
    case 'date':
      return asReading(readDate(String(value), style));
    case 'queue':
      return asReading(readQueueNumber(value, style));
    case 'zhe':
      return asReading(readZhe(n, style));
    default:
      // A bare number in a slot is read as a quantity; anything else (a name) is said as written.
      if (typeof value === 'number') return asReading(readInteger(value, style));
      return { text: value, units: null };
  }
}

/** A scalar slot value read aloud in a locale, by the slot's format. */
export function readSlot(
  value: string | number | undefined,
  format: string | null,
  locale: string,
): SlotReading {
  if (value === undefined) return { text: '', units: null };
  try {
    return isEnglish(locale) ? readEnglish(value, format) : readChinese(value, format, locale);
  } catch {
    // Out of range for composing (a bad amount): say it as written rather than fail the line.
    return { text: String(value), units: null };
  }
}
