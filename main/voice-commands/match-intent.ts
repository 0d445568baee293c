import type { VoiceIntent } from '../../contract/calls/speech-calls';
import { dishNamesByAlias } from './dish-names';
import { type Grammar, matchGrammar } from './grammar';
import { englishGrammar } from './grammars/en';
import { henanGrammar } from './grammars/zh-x-henan';
import { mandarinGrammar } from './grammars/zh-CN';
import { wuGrammar } from './grammars/wuu';
import { cantoneseGrammar } from './grammars/yue';

export const grammars: Record<string, Grammar> = {
  'zh-CN': mandarinGrammar,
  wuu: wuGrammar,
  'zh-x-henan': henanGrammar,
  yue: cantoneseGrammar,
  en: englishGrammar,
};

/**
 * What an utterance asks for. The elder's own locale is tried first, then Mandarin: a Wu speaker
 * talking to a kiosk often switches to Mandarin, and a recogniser may write Mandarin words.
 * `dishes` are today's dish names as the menu gives them; an elder may say them short (红烧肉 for
 * 红烧肉套餐, see dish-names.ts), and the intent names the dish as the menu does.
 */
export function matchIntent(
  text: string,
  locale: string,
  dishes: string[] = [],
): VoiceIntent | null {
  const order = [grammars[locale], locale === 'zh-CN' ? undefined : mandarinGrammar].filter(
    (g): g is Grammar => g !== undefined,
  );
  const byAlias = dishNamesByAlias(dishes);
  for (const grammar of order) {
    const m = matchGrammar(grammar, text, { dish: [...byAlias.keys()] });
    if (!m) continue;
    if (m.intent === 'dish') {
      const said = m.slots.dish ?? '';
      return { intent: 'dish', dish: byAlias.get(said) ?? said };
    }
    return { intent: m.intent };
  }
  return null;
}
