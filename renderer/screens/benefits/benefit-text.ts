import type { TFunction } from 'i18next';
import type { Entitlement, LocalText } from '../../../contract/calls/benefit-calls';

/**
 * Item titles, what-to-do lines and explanations come from the core in zh-CN and en. The dialect
 * locales (wuu, yue, zh-x-henan) read Chinese characters, so they show the zh-CN text.
 */
export function pickText(text: LocalText, language: string): string {
  return language === 'en' || language.startsWith('en-') ? text.en : text['zh-CN'];
}

const yuan = (fen: number): string =>
  fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);

/** The amount line of an item in the screen's locale, or '' when the source gives no figure. */
export function amountLine(e: Entitlement, t: TFunction<'benefits'>): string {
  const parts: string[] = [];
  if (e.amountFen) {
    const key = e.amountFen.atLeast ? 'amount.monthlyAtLeast' : 'amount.monthly';
    parts.push(t(key, { yuan: yuan(e.amountFen.monthly) }));
  }
  if (e.pricePercent !== null) parts.push(t('amount.discount', { zhe: e.pricePercent / 10 }));
  if (e.freeDelivery) parts.push(t('amount.freeDelivery'));
  return parts.join(' · ');
}
