import type { ListJoin, SpeechParam, SpeechParams } from '../../contract/calls/speech-calls';
import { isSpokenText, parseTemplate, readSlot } from './prompt-template';
import type { PromptTexts } from './prompt-text';
import type { UnitId } from './unit-tokens';

export class UnknownPromptError extends Error {}

/**
 * One line (a key and its params) laid out flat, in one locale, as what is said in order:
 * - `prompt`: a fixed piece of some key's text, which a voice pack records as piece `index` of `key`
 *   (nested keys contribute their own pieces, so 送到屋里 is the Wu pack's clip of meals.delivery);
 * - `slot`: a value read aloud: a number with the unit clips it is composed from, or data (a name,
 *   a dish) that only TTS can say;
 * - `pause`: punctuation between slots and list items, said by no clip.
 * The caption is the texts joined; the TTS input is the same line laid out in the TTS voice's locale.
 */
export type LinePiece =
  | { kind: 'prompt'; key: string; index: number; text: string }
  | {
      kind: 'slot';
      text: string;
      units: UnitId[] | null;
      /** the raw value and format, to read the slot again in the TTS voice's locale */
      value: string | number;
      format: string | null;
      /** a person's name ({{name}}), read with surname pronunciations by TTS */
      isName: boolean;
    }
  | { kind: 'pause'; text: string };

/** The joins of list slots: Chinese punctuation for every Chinese variety, English for English. */
export function listSeparator(locale: string, join: ListJoin = 'comma'): string {
  const english = locale === 'en' || locale.startsWith('en-');
  if (join === 'semicolon') return english ? '; ' : '；';
  if (join === 'enumeration') return english ? ', ' : '、';
  return english ? ', ' : '，';
}

/** Guards against a template that names itself through its params. */
const MAX_DEPTH = 8;

export function expandLine(
  texts: PromptTexts,
  locale: string,
  key: string,
  params: SpeechParams,
  depth = 0,
): LinePiece[] {
  if (depth > MAX_DEPTH) throw new UnknownPromptError(`'${key}' nests too deep`);
  const template = texts.template(locale, key);
  if (template === null) throw new UnknownPromptError(`no prompt text for '${key}'`);
  const pieces: LinePiece[] = [];
  let index = 0;
  for (const part of parseTemplate(template)) {
    if (part.kind === 'text') {
      if (isSpokenText(part.text))
        pieces.push({ kind: 'prompt', key, index: index++, text: part.text });
      else if (part.text !== '') pieces.push({ kind: 'pause', text: part.text });
      continue;
    }
    pieces.push(
      ...expandValue(texts, locale, params[part.name], part.format, part.name, depth + 1),
    );
  }
  return pieces;
}

function expandValue(
  texts: PromptTexts,
  locale: string,
  value: SpeechParam | undefined,
  format: string | null,
  slotName: string,
  depth: number,
): LinePiece[] {
  if (value === undefined) return [];
  if (typeof value === 'object') {
    if ('key' in value) return expandLine(texts, locale, value.key, value.params ?? {}, depth);
    return value.list.flatMap((item, i) => [
      ...(i > 0 ? [{ kind: 'pause' as const, text: listSeparator(locale, value.join) }] : []),
      ...expandValue(texts, locale, item, format, slotName, depth + 1),
    ]);
  }
  const reading = readSlot(value, format, locale);
  if (reading.text === '') return [];
  return [
    {
      kind: 'slot',
      text: reading.text,
      units: reading.units,
      value,
      format,
      isName: slotName === 'name' && format === null && typeof value === 'string',
    },
  ];
}

export const lineText = (pieces: LinePiece[]): string => pieces.map((p) => p.text).join('');

/** The people's names in a line, so the TTS reads 曾 as Zēng in 曾阿姨 (and nowhere else). */
export const namesIn = (pieces: LinePiece[]): string[] =>
  pieces.flatMap((p) => (p.kind === 'slot' && p.isName && p.text.trim() !== '' ? [p.text] : []));
