import type { UnitId } from './unit-tokens';

/**
 * How a locale reads numbers aloud. The structure (which units, where 零 goes) is shared by all the
 * Chinese varieties the kiosk speaks; what differs is recorded here:
 * - `liangInside`: Wu says 一千两百, Mandarin 一千二百 (both say 两百, 两千, 两万 at the start).
 * - `twentyAsNian`: Wu and Cantonese say 廿 for twenty (廿五, 一百廿); Mandarin says 二十.
 * - `words`: how each unit is written in the caption (Wu 块, Henan 块/毛, Cantonese 蚊/毫/仙).
 */
export interface NumberStyle {
  liangInside: boolean;
  twentyAsNian: boolean;
  words: Record<UnitId, string>;
}

const mandarinWords: Record<UnitId, string> = {
  'num.0': '零',
  'num.1': '一',
  'num.2': '二',
  'num.3': '三',
  'num.4': '四',
  'num.5': '五',
  'num.6': '六',
  'num.7': '七',
  'num.8': '八',
  'num.9': '九',
  'num.liang': '两',
  'num.20': '廿',
  'num.10': '十',
  'num.100': '百',
  'num.1000': '千',
  'num.10000': '万',
  'money.yuan': '元',
  'money.jiao': '角',
  'money.fen': '分',
  'time.dian': '点',
  'time.ban': '半',
  'time.fen': '分',
  'time.period.night': '凌晨',
  'time.period.morning': '上午',
  'time.period.noon': '中午',
  'time.period.afternoon': '下午',
  'time.period.evening': '晚上',
  'date.year': '年',
  'date.month': '月',
  'date.day': '日',
  'queue.hao': '号',
};

export const mandarinStyle: NumberStyle = {
  liangInside: false,
  twentyAsNian: false,
  words: mandarinWords,
};

/** Jiaxing/Huzhou Wu: 两 inside numbers, 廿 for twenty, 块 for yuan, 号 for day of month. */
export const wuStyle: NumberStyle = {
  liangInside: true,
  twentyAsNian: true,
  words: {
    ...mandarinWords,
    'money.yuan': '块',
    'date.day': '号',
    'time.period.night': '半夜里',
    'time.period.morning': '上半天',
    'time.period.noon': '中浪向',
    'time.period.afternoon': '下半天',
    'time.period.evening': '夜里',
  },
};

/** Henan (Central Plains Mandarin): Mandarin structure, spoken money words 块 and 毛. */
export const henanStyle: NumberStyle = {
  liangInside: false,
  twentyAsNian: false,
  words: {
    ...mandarinWords,
    'money.yuan': '块',
    'money.jiao': '毛',
    'date.day': '号',
    'time.period.morning': '上午',
    'time.period.noon': '晌午',
    'time.period.afternoon': '后晌',
    'time.period.evening': '黑了',
  },
};

/** Cantonese: 廿 for twenty, 蚊/毫/仙 for money, 号 for day of month. */
export const cantoneseStyle: NumberStyle = {
  liangInside: false,
  twentyAsNian: true,
  words: {
    ...mandarinWords,
    'num.liang': '两',
    'money.yuan': '蚊',
    'money.jiao': '毫',
    'money.fen': '仙',
    'date.day': '号',
    'time.period.night': '凌晨',
    'time.period.morning': '朝早',
    'time.period.noon': '中午',
    'time.period.afternoon': '下昼',
    'time.period.evening': '夜晚',
  },
};

const styles: Record<string, NumberStyle> = {
  'zh-CN': mandarinStyle,
  wuu: wuStyle,
  'zh-x-henan': henanStyle,
  yue: cantoneseStyle,
};

/** The style for a locale; Mandarin for any locale that has none of its own (en speaks Mandarin numbers only in TTS fallbacks). */
export const numberStyleFor = (locale: string): NumberStyle => styles[locale] ?? mandarinStyle;
