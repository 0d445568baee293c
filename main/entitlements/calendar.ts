/**
 * Calendar arithmetic on plain YYYY-MM-DD dates. Dates are compared as strings (that format sorts
 * by time) and never turned into instants, so no machine time zone can shift a birthday: the day
 * given is already the day in Asia/Shanghai.
 */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** The date, or null when the text is not a real calendar date as YYYY-MM-DD. */
export function parseYmd(text: string): Ymd | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export const formatYmd = ({ y, m, d }: Ymd): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The date `years` after `from`, on the same month and day. A 29 February with no 29 February in
 * the target year falls on 1 March. Why: 《民法典》第二百零一条 ends a period counted in years on the
 * corresponding day of the last year and, when that year has no such day, on the last day of the
 * month (28 February) — the period ends at the close of that day, so the first day on which the
 * full N years have passed is 1 March. Counting the anniversary on 28 February would pay a benefit
 * one day before the elder has lived the years the rule asks for.
 */
export function anniversary(from: Ymd, years: number): Ymd {
  const y = from.y + years;
  if (from.m === 2 && from.d === 29 && !isLeapYear(y)) return { y, m: 3, d: 1 };
  return { y, m: from.m, d: from.d };
}

/**
 * Age in 周岁 on a date: the number of birthdays reached, the birthday itself included (the day an
 * elder turns 80 they are "80周岁以上"), with 29 February birthdays on 1 March in common years.
 * Returns -1 for a date before the birth.
 */
export function ageInZhousui(birth: Ymd, on: Ymd): number {
  let years = on.y - birth.y;
  if (formatYmd(anniversary(birth, years)) > formatYmd(on)) years -= 1;
  return years < 0 ? -1 : years;
}
