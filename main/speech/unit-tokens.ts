/**
 * The unit clips a voice pack records so that numbers, money, times, dates and queue numbers can be
 * spoken by composing clips, without any TTS. Ids are ASCII so they can name files; what each id
 * sounds like (and how it is written in a caption) is the locale's business: a Wu pack records
 * 块 for `money.yuan`, a Mandarin pack 元.
 */
export const unitIds = [
  'num.0',
  'num.1',
  'num.2',
  'num.3',
  'num.4',
  'num.5',
  'num.6',
  'num.7',
  'num.8',
  'num.9',
  /** 两: the quantity form of 2 (两百, 两块) */
  'num.liang',
  /** 廿: twenty as one syllable, as Wu and Cantonese speakers say it (廿五 = 25) */
  'num.20',
  'num.10',
  'num.100',
  'num.1000',
  'num.10000',
  'money.yuan',
  'money.jiao',
  'money.fen',
  'time.dian',
  'time.ban',
  'time.fen',
  'time.period.night',
  'time.period.morning',
  'time.period.noon',
  'time.period.afternoon',
  'time.period.evening',
  'date.year',
  'date.month',
  'date.day',
  'queue.hao',
] as const;

export type UnitId = (typeof unitIds)[number];

export const isUnitId = (s: string): s is UnitId => (unitIds as readonly string[]).includes(s);

export const digitUnit = (d: number): UnitId => `num.${d}` as UnitId;
