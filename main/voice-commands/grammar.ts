/**
 * A small intent grammar: templates with alternatives `(点餐|订饭)`, optional words `[我|俺]`
 * (an optional group may hold alternatives), and slots `{dish}` filled at run time (the day's dish
 * names). A template must match the whole utterance after normalisation, so 帮我点餐 is not 帮忙.
 */
export type IntentName =
  'meals' | 'benefits' | 'staff' | 'back' | 'confirm' | 'cancel' | 'services' | 'dish';

export interface GrammarRule {
  intent: IntentName;
  templates: string[];
}

/** A locale's grammar: rules tried in order, so more specific ones (a named dish) come first. */
export interface Grammar {
  locale: string;
  rules: GrammarRule[];
}

// Traditional characters a Cantonese recogniser may write, mapped to the simplified ones the
// grammars use; and whitespace and punctuation dropped, since recognisers differ in both.
const toSimplified: Record<string, string> = {
  幫: '帮',
  確: '确',
  認: '认',
  補: '补',
  貼: '贴',
  飯: '饭',
  點: '点',
  職: '职',
  員: '员',
  係: '系',
  個: '个',
  來: '来',
  選: '选',
  單: '单',
  問: '问',
  題: '题',
  後: '后',
  須: '须',
  預: '预',
  約: '约',
  務: '务',
  數: '数',
  請: '请',
};

export function normalizeUtterance(text: string): string {
  return [...text.toLowerCase().normalize('NFKC')]
    .map((ch) => toSimplified[ch] ?? ch)
    .join('')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles one template to a regex source; slots become capture groups in order of appearance. */
export function compileTemplate(
  template: string,
  slots: Record<string, string[]>,
): { source: string; slotNames: string[] } {
  const slotNames: string[] = [];
  let i = 0;
  const parseSequence = (closers: string): string => {
    let out = '';
    while (i < template.length && !closers.includes(template[i] ?? '')) {
      const ch = template[i] ?? '';
      if (ch === '(' || ch === '[') {
        i += 1;
        const alternatives = [parseSequence(ch === '(' ? '|)' : '|]')];
        while (template[i] === '|') {
          i += 1;
          alternatives.push(parseSequence(ch === '(' ? '|)' : '|]'));
        }
        const close = ch === '(' ? ')' : ']';
        if (template[i] !== close)
          throw new Error(`unclosed ${ch} in grammar template "${template}"`);
        i += 1;
        out += `(?:${alternatives.join('|')})${ch === '[' ? '?' : ''}`;
      } else if (ch === '{') {
        const end = template.indexOf('}', i);
        if (end < 0) throw new Error(`unclosed { in grammar template "${template}"`);
        const name = template.slice(i + 1, end);
        i = end + 1;
        const values = (slots[name] ?? []).map(normalizeUtterance).filter((v) => v !== '');
        // Longest first, so 红烧肉饭 is not read as 红烧肉 plus a stray 饭.
        values.sort((a, b) => b.length - a.length);
        slotNames.push(name);
        out += values.length > 0 ? `(${values.map(escapeRegExp).join('|')})` : '(?!)';
      } else if (')]|'.includes(ch)) {
        throw new Error(`unexpected ${ch} in grammar template "${template}"`);
      } else {
        out += escapeRegExp(normalizeUtterance(ch));
        i += 1;
      }
    }
    return out;
  };
  const source = parseSequence('');
  if (i < template.length)
    throw new Error(`unexpected ${template[i]} in grammar template "${template}"`);
  return { source: `^${source}$`, slotNames };
}

export interface IntentMatch {
  intent: IntentName;
  slots: Record<string, string>;
}

/**
 * Matches an utterance against a grammar. Slot values come back as the caller gave them (the
 * dish's own name), not as the recogniser wrote them.
 */
export function matchGrammar(
  grammar: Grammar,
  utterance: string,
  slots: Record<string, string[]> = {},
): IntentMatch | null {
  const text = normalizeUtterance(utterance);
  if (text === '') return null;
  for (const rule of grammar.rules) {
    for (const template of rule.templates) {
      const { source, slotNames } = compileTemplate(template, slots);
      const m = new RegExp(source, 'u').exec(text);
      if (!m) continue;
      const filled: Record<string, string> = {};
      slotNames.forEach((name, idx) => {
        const said = m[idx + 1] ?? '';
        filled[name] = (slots[name] ?? []).find((v) => normalizeUtterance(v) === said) ?? said;
      });
      return { intent: rule.intent, slots: filled };
    }
  }
  return null;
}
