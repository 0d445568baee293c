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
 * the target year falls on 1 March.
 *
 * Why 1 March. 《民法典》第二百零二条: a period counted in years ends on the corresponding day of the
 * last month (对应日) or, when that month has none, on the month's last day — 28 February; and
 * 第二百零三条 ends that last day at 24:00. So the years of a 29 February birth are complete at the
 * close of 28 February, and 1 March is the first day on which the elder has lived all of them.
 * An ordinary birthday is counted on the day itself (everyday 周岁: a person is 80 on their 80th
 * birthday, the 对应日), although by the same strict reading its years end at 24:00 that day. Read
 * that everyday way, 202's month-end would put a 29 February birthday on 28 February; the kiosk
 * takes 1 March, the first day on which the years are complete by both readings, so that no
 * age-based benefit starts before the elder has reached the age by both. (The same date is used
 * when an assessment made on a 29 February is due again.)
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
