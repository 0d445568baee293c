/**
 * Which voice speaks a locale when no recorded clip does. No offline TTS speaks Wu or Henan
 * dialect, so those lines fall back to their Mandarin (zh-CN) text in a Mandarin voice: an elder
 * who prefers Wu still understands Mandarin better than Wu characters read out in Mandarin sounds.
 * Cantonese has its own voice (espeak-ng `yue`).
 */
const ttsLocale: Record<string, string> = {
  'zh-CN': 'zh-CN',
  wuu: 'zh-CN',
  'zh-x-henan': 'zh-CN',
  yue: 'yue',
  en: 'en',
};

export const ttsLocaleFor = (locale: string): string => ttsLocale[locale] ?? 'zh-CN';

/** The BCP 47 tag the renderer's speechSynthesis should look for, last in the chain. */
const synthesisLang: Record<string, string> = { 'zh-CN': 'zh-CN', yue: 'zh-HK', en: 'en-US' };

export const synthesisLangFor = (ttsLocaleCode: string): string =>
  synthesisLang[ttsLocaleCode] ?? 'zh-CN';
