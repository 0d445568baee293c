import type { Entitlement } from '../../../contract/calls/benefit-calls';
import type { SpeechParam } from '../../../contract/calls/speech-calls';
import { pickText } from '../../screens/benefits/benefit-text';
import type { SpokenLine } from '../spoken-line';

/**
 * One benefit read aloud: its title and what to do come from the policy pack as text (zh-CN or
 * en); its status and amount are the locale's own words with the money in fen, so a dialect pack
 * says 每个号头一百块 from clips and the TTS never sees "100".
 */
export function benefitItemLine(e: Entitlement, language: string): SpokenLine {
  const parts: SpeechParam[] = [];
  if (e.amountFen) {
    parts.push({
      key: e.amountFen.atLeast ? 'benefits:spoken.monthlyAtLeast' : 'benefits:spoken.monthly',
      params: { amount: e.amountFen.monthly },
    });
  }
  if (e.pricePercent !== null)
    parts.push({ key: 'benefits:spoken.discount', params: { percent: e.pricePercent } });
  if (e.freeDelivery) parts.push({ key: 'benefits:amount.freeDelivery' });
  return {
    key: 'benefits:spoken.item',
    params: {
      title: pickText(e.title, language),
      status: { key: `benefits:status.${e.status}` },
      amount:
        parts.length > 0
          ? { key: 'benefits:spoken.amount', params: { parts: { list: parts, join: 'comma' } } }
          : '',
      whatToDo: pickText(e.whatToDo, language),
    },
  };
}
