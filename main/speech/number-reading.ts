import { type NumberStyle, mandarinStyle } from './number-styles';
import { type UnitId, digitUnit } from './unit-tokens';

/**
 * Reading numbers, money, times, dates and queue numbers aloud as a sequence of unit clips (and the
 * caption text for the same words). Pure: no I/O, so it is tested exhaustively.
 */
export interface Reading {
  units: UnitId[];
  text: string;
}

export const MAX_INTEGER = 99_999;
export const MAX_FEN = 9_999_999;

const reading = (units: UnitId[], style: NumberStyle): Reading => ({
  units,
  text: units.map((u) => style.words[u]).join(''),
});

/**
 * `quantity` is a number before a measure word (两块, 两点): a bare 2 is then 两. `counting` is a
 * number said for itself (month, day, minute): 二.
 */
export type NumberMode = 'quantity' | 'counting';

const places: { value: number; unit: UnitId | null }[] = [
  { value: 10_000, unit: 'num.10000' },
  { value: 1_000, unit: 'num.1000' },
  { value: 100, unit: 'num.100' },
  { value: 10, unit: 'num.10' },
  { value: 1, unit: null },
];

function assertInteger(n: number, max: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new RangeError(`${what} must be an integer from 0 to ${max}, got ${n}`);
  }
}

/** The units for an integer 0–99,999 in Chinese reading (一百零五, 一千零一十, 十二, 两万). */
export function integerUnits(
  n: number,
  style: NumberStyle = mandarinStyle,
  mode: NumberMode = 'quantity',
): UnitId[] {
  assertInteger(n, MAX_INTEGER, 'integer');
  if (n === 0) return ['num.0'];
  if (n === 2) return [mode === 'quantity' ? 'num.liang' : 'num.2'];
  const out: UnitId[] = [];
  let pendingZero = false;
  for (const { value, unit } of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      // A gap is read as one 零, and only when something non-zero follows it.
      if (out.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) out.push('num.0');
    pendingZero = false;
    const first = out.length === 0;
    if (value === 10) {
      if (d === 2 && style.twentyAsNian) {
        out.push('num.20');
        continue;
      }
      // 十二, not 一十二, when the number starts at the tens; 一百一十 keeps its 一.
      if (!(d === 1 && first)) out.push(digitUnit(d));
    } else if (d === 2 && value >= 100 && (first || style.liangInside)) {
      out.push('num.liang');
    } else {
      out.push(digitUnit(d));
    }
    if (unit) out.push(unit);
  }
  return out;
}

export const readInteger = (
  n: number,
  style: NumberStyle = mandarinStyle,
  mode: NumberMode = 'quantity',
): Reading => reading(integerUnits(n, style, mode), style);

/** Money in fen as 元 角 分: 12000 → 一百二十元, 1250 → 十二元五角, 1205 → 十二元零五分. */
export function readMoney(fen: number, style: NumberStyle = mandarinStyle): Reading {
  assertInteger(fen, MAX_FEN, 'money in fen');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  const units: UnitId[] = [];
  if (yuan > 0 || fen === 0) units.push(...integerUnits(yuan, style), 'money.yuan');
  if (jiao > 0) units.push(...integerUnits(jiao, style), 'money.jiao');
  if (cents > 0) {
    if (yuan > 0 && jiao === 0) units.push('num.0');
    units.push(...integerUnits(cents, style), 'money.fen');
  }
  return reading(units, style);
}

export interface TimeOptions {
  /** 十一点半 rather than 十一点三十分 */
  half?: boolean;
  /** 12-hour with 上午/下午…, as elders say it, rather than 24-hour */
  period?: boolean;
}

function periodOf(hour: number): UnitId {
  if (hour < 6) return 'time.period.night';
  if (hour < 12) return 'time.period.morning';
  if (hour < 13) return 'time.period.noon';
  if (hour < 18) return 'time.period.afternoon';
  return 'time.period.evening';
}

/** A clock time "HH:MM": 十一点半, 十一点三十分, 两点零五分, 下午一点. */
export function readTime(
  hhmm: string,
  style: NumberStyle = mandarinStyle,
  options: TimeOptions = {},
): Reading {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    throw new RangeError(`time must be HH:MM, got ${hhmm}`);
  }
  const half = options.half ?? true;
  const units: UnitId[] = [];
  let h = hour;
  if (options.period) {
    units.push(periodOf(hour));
    h = hour % 12 === 0 ? 12 : hour % 12;
  }
  // 两点: the hour is a quantity before 点.
  units.push(...integerUnits(h, style, 'quantity'), 'time.dian');
  if (minute === 30 && half) units.push('time.ban');
  else if (minute > 0) {
    if (minute < 10) units.push('num.0');
    units.push(...integerUnits(minute, style, 'counting'), 'time.fen');
  }
  return reading(units, style);
}

/** A date "YYYY-MM-DD": 十一月二十三日, with the year read digit by digit when asked (二零二六年). */
export function readDate(
  isoDate: string,
  style: NumberStyle = mandarinStyle,
  options: { year?: boolean } = {},
): Reading {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? Number(m[2]) : NaN;
  const day = m ? Number(m[3]) : NaN;
  if (!m || !(month >= 1 && month <= 12 && day >= 1 && day <= 31)) {
    throw new RangeError(`date must be YYYY-MM-DD, got ${isoDate}`);
  }
  const units: UnitId[] = [];
  if (options.year) {
    for (const ch of m[1] ?? '') units.push(digitUnit(Number(ch)));
    units.push('date.year');
  }
  units.push(...integerUnits(month, style, 'counting'), 'date.month');
  units.push(...integerUnits(day, style, 'counting'), 'date.day');
  return reading(units, style);
}

/**
 * A queue number digit by digit, padded as printed on the ticket (42 → 零四二号): the elder matches
 * each sound to a digit they can see, every length reads the same way, and ten digit clips are all
 * a pack needs. 一 stays yī (not the telephone yāo) because that is how the ticket is read aloud in
 * canteens; a pack that prefers yāo records it for num.1. A string of digits is read exactly as
 * given ("0007" for a booking printed 预0007); a number is padded to `width`.
 */
export function readQueueNumber(
  n: number | string,
  style: NumberStyle = mandarinStyle,
  width = 3,
): Reading {
  const digits = queueDigits(n, width);
  const units: UnitId[] = [...digits].map((ch) => digitUnit(Number(ch)));
  units.push('queue.hao');
  return reading(units, style);
}

/** The digits of a queue number as printed: a digit string as is, a number padded to `width`. */
export function queueDigits(n: number | string, width = 3): string {
  if (typeof n === 'string') {
    if (!/^\d{1,6}$/.test(n)) throw new RangeError(`queue number must be 1 to 6 digits, got ${n}`);
    return n;
  }
  assertInteger(n, MAX_INTEGER, 'queue number');
  return String(n).padStart(width, '0');
}

/**
 * A discount as said before 折, from the percent of the price paid: 80 → 八(折), 85 → 八五(折),
 * 95 → 九五(折), digit by digit as shops say it.
 */
export function readZhe(percent: number, style: NumberStyle = mandarinStyle): Reading {
  if (!Number.isInteger(percent) || percent < 1 || percent > 99) {
    throw new RangeError(`a discount is the percent paid, 1 to 99, got ${percent}`);
  }
  const tens = Math.floor(percent / 10);
  const ones = percent % 10;
  const units: UnitId[] = [digitUnit(tens)];
  if (ones > 0) units.push(digitUnit(ones));
  return reading(units, style);
}
