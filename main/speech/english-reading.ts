import { MAX_FEN, MAX_INTEGER, queueDigits } from './number-reading';
import { englishMonth } from '../english-months';

// Slot values read for the English locale (staff and maintainers): figures, not Chinese numerals,
// and no unit clips (nobody records an English pack), so espeak-ng's `en` voice reads them. The
// same ranges are checked as for Chinese, so a bad amount fails the same way in every locale.

function checkInteger(n: number, max: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new RangeError(`${what} must be an integer from 0 to ${max}, got ${n}`);
  }
}

/** 750 fen → "7.50 yuan", 700 → "7 yuan". */
export function englishMoney(fen: number): string {
  checkInteger(fen, MAX_FEN, 'money in fen');
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? `${yuan} yuan` : `${yuan}.${String(cents).padStart(2, '0')} yuan`;
}

export function englishInteger(n: number): string {
  checkInteger(n, MAX_INTEGER, 'integer');
  return String(n);
}

/** "09:05" → "9:05" */
export function englishTime(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    throw new RangeError(`time must be HH:MM, got ${hhmm}`);
  }
  return `${hour}:${String(minute).padStart(2, '0')}`;
}

/** "2026-11-23" → "23 November" */
export function englishDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = m ? Number(m[2]) : NaN;
  const day = m ? Number(m[3]) : NaN;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) {
    throw new RangeError(`date must be YYYY-MM-DD, got ${isoDate}`);
  }
  return `${day} ${englishMonth(month)}`;
}

/** The ticket's digits as printed: "012". */
export const englishQueue = (n: number | string): string => queueDigits(n);

/** The share of the price paid: 85 → "85%". */
export function englishPercentPaid(percent: number): string {
  if (!Number.isInteger(percent) || percent < 1 || percent > 99) {
    throw new RangeError(`a discount is the percent paid, 1 to 99, got ${percent}`);
  }
  return `${percent}%`;
}
