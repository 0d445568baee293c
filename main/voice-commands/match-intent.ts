import type { VoiceIntent } from '../../contract/calls/speech-calls';
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
 */
export function matchIntent(
  text: string,
  locale: string,
  dishes: string[] = [],
): VoiceIntent | null {
  const order = [grammars[locale], locale === 'zh-CN' ? undefined : mandarinGrammar].filter(
    (g): g is Grammar => g !== undefined,
  );
  for (const grammar of order) {
    const m = matchGrammar(grammar, text, { dish: dishes });
    if (!m) continue;
    if (m.intent === 'dish') return { intent: 'dish', dish: m.slots.dish ?? '' };
    return { intent: m.intent };
  }
  return null;
}
