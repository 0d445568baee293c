import type { i18n as I18n, TFunction } from 'i18next';
import type { SpeechParam, SpeechParams } from '../../contract/calls/speech-calls';

/**
 * The caption the renderer can make by itself, for when the core cannot answer a line (the core's
 * caption, with numbers in words, is what normally shows). Nested keys are translated here, lists
 * joined, and the spoken formats written as figures: ¥7.50, 012, 11:30.
 */
export function localCaption(t: TFunction, line: { key: string; params?: SpeechParams }): string {
  const resolve = (p: SpeechParam): string | number => {
    if (typeof p !== 'object') return p;
    if ('key' in p) return t(p.key, resolveAll(p.params ?? {}));
    return p.list.map(resolve).join(p.join === 'semicolon' ? '；' : '、');
  };
  const resolveAll = (params: SpeechParams): Record<string, string | number> =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, resolve(v)]));
  return t(line.key, resolveAll(line.params ?? {}));
}

/** Whether a line's params are plain text only, so i18next alone renders it exactly as the core will. */
export const isPlainLine = (params: SpeechParams | undefined): boolean =>
  Object.values(params ?? {}).every((p) => typeof p === 'string');

/**
 * The spoken formats (`{{amount, money}}` …) as i18next formatters in the renderer, as figures. The
 * core reads the same slots in words; these only serve localCaption.
 */
export function addSpokenFormats(i18n: I18n): void {
  const formatter = i18n.services.formatter;
  if (!formatter) return;
  const asNumber = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  formatter.add('money', (v: unknown) => {
    const fen = asNumber(v);
    return fen === null ? String(v) : `¥${(fen / 100).toFixed(2)}`;
  });
  formatter.add('zhe', (v: unknown) => `${String(v)}%`);
  for (const plain of ['integer', 'time', 'daytime', 'date', 'queue'])
    formatter.add(plain, (v: unknown) => String(v));
}
