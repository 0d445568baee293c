import { describe, expect, it } from 'vitest';
import {
  readDate,
  readInteger,
  readMoney,
  readQueueNumber,
  readTime,
  readZhe,
} from '../../../main/speech/number-reading';
import { readSlot } from '../../../main/speech/prompt-template';
import { cantoneseStyle, henanStyle, wuStyle } from '../../../main/speech/number-styles';

// An independent reader: parses a Chinese numeral back into a number the way a listener would
// (digit × unit, sections split at 万), sharing nothing with the implementation.
const digitValue: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const unitValue: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

function parseChinese(s: string): number {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch === '廿') {
      section += 20;
      digit = null;
    } else if (ch in digitValue) {
      digit = digitValue[ch] ?? 0;
    } else if (ch in unitValue) {
      section += (digit ?? 1) * (unitValue[ch] ?? 0);
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else throw new Error(`unexpected ${ch} in ${s}`);
  }
  return total + section + (digit ?? 0);
}

/** How many 零 a reading must hold: one per run of zero digits that has a non-zero digit after it. */
function expectedZeros(n: number): number {
  return (String(n).match(/0+(?=[1-9])/g) ?? []).length;
}

describe('integers 0–99,999 in Mandarin', () => {
  it('every reading parses back, has the right 零, 两 and 十 forms', () => {
    const failures: string[] = [];
    for (let n = 0; n <= 99_999; n += 1) {
      const { text, units } = readInteger(n);
      const problems: string[] = [];
      if (parseChinese(text) !== n) problems.push('parses back wrong');
      if (units.length !== [...text].length) problems.push('one unit per character');
      if (n > 0 && (text.match(/零/g) ?? []).length !== expectedZeros(n)) problems.push('零 count');
      if (n > 0 && text.endsWith('零')) problems.push('trailing 零');
      if (text.includes('零零')) problems.push('double 零');
      // 十二 but 一百一十: a leading 一 before 十 is dropped only when the number starts at the tens.
      if ((n >= 10 && n <= 19) !== text.startsWith('十')) problems.push('leading 十');
      if (text.includes('一十') && text.startsWith('一十')) problems.push('一十 at start');
      // Mandarin: 两 for a bare 2 and for a leading 2 before 百/千/万, 二 everywhere else.
      const leadingTwo = String(n).startsWith('2') && n >= 100;
      const wantLiang = n === 2 || leadingTwo ? 1 : 0;
      if ((text.match(/两/g) ?? []).length !== wantLiang) problems.push('两');
      if (problems.length > 0) failures.push(`${n} → ${text}: ${problems.join(', ')}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it.each([
    [0, '零'],
    [2, '两'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [105, '一百零五'],
    [110, '一百一十'],
    [120, '一百二十'],
    [200, '两百'],
    [1010, '一千零一十'],
    [1002, '一千零二'],
    [2000, '两千'],
    [10_010, '一万零一十'],
    [20_300, '两万零三百'],
    [99_999, '九万九千九百九十九'],
  ])('%i → %s', (n, text) => {
    expect(readInteger(n).text).toBe(text);
  });

  it('counting numbers keep 二', () => {
    expect(readInteger(2, undefined, 'counting').text).toBe('二');
  });

  it('refuses what it cannot read', () => {
    expect(() => readInteger(100_000)).toThrow(RangeError);
    expect(() => readInteger(-1)).toThrow(RangeError);
    expect(() => readInteger(1.5)).toThrow(RangeError);
  });
});

describe('dialect readings parse back too', () => {
  it.each([
    ['wuu', wuStyle],
    ['yue', cantoneseStyle],
    ['henan', henanStyle],
  ])('%s: every integer 0–99,999', (_name, style) => {
    const failures: string[] = [];
    for (let n = 0; n <= 99_999; n += 1) {
      const { text } = readInteger(n, style);
      if (parseChinese(text) !== n) failures.push(`${n} → ${text}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('Wu says 廿 and 两 inside numbers', () => {
    expect(readInteger(25, wuStyle).text).toBe('廿五');
    expect(readInteger(1200, wuStyle).text).toBe('一千两百');
    expect(readMoney(12_000, wuStyle).text).toBe('一百廿块');
  });
});

describe('money in fen', () => {
  it.each([
    [12_000, '一百二十元'],
    [1250, '十二元五角'],
    [1205, '十二元零五分'],
    [1255, '十二元五角五分'],
    [5, '五分'],
    [50, '五角'],
    [0, '零元'],
    [200, '两元'],
    [222, '两元两角两分'],
    [10_005, '一百元零五分'],
    [9_999_999, '九万九千九百九十九元九角九分'],
  ])('%i fen → %s', (fen, text) => {
    expect(readMoney(fen).text).toBe(text);
  });

  it('every amount up to 1,000 元 reads back to the same fen', () => {
    const moneyUnit: Record<string, number> = { 元: 100, 角: 10, 分: 1 };
    const failures: string[] = [];
    for (let fen = 0; fen <= 100_000; fen += 1) {
      const { text } = readMoney(fen);
      let sum = 0;
      for (const part of text.match(/[^元角分]+[元角分]/g) ?? []) {
        const unit = part.slice(-1);
        const num = part.slice(0, -1).replace(/^零(?=.)/, '');
        sum += parseChinese(num) * (moneyUnit[unit] ?? 0);
      }
      if (sum !== fen) failures.push(`${fen} → ${text}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('Henan and Cantonese use their own money words', () => {
    expect(readMoney(1250, henanStyle).text).toBe('十二块五毛');
    expect(readMoney(1255, cantoneseStyle).text).toBe('十二蚊五毫五仙');
  });
});

describe('times, dates and queue numbers', () => {
  it.each([
    ['11:30', {}, '十一点半'],
    ['11:30', { half: false }, '十一点三十分'],
    ['02:05', {}, '两点零五分'],
    ['12:00', {}, '十二点'],
    ['13:00', { period: true }, '下午一点'],
    ['07:45', { period: true }, '上午七点四十五分'],
  ])('%s %o → %s', (t, opts, text) => {
    expect(readTime(t, undefined, opts).text).toBe(text);
  });

  it('dates', () => {
    expect(readDate('2026-11-23').text).toBe('十一月二十三日');
    expect(readDate('2026-02-02', undefined, { year: true }).text).toBe('二零二六年二月二日');
    expect(readDate('2026-11-23', wuStyle).text).toBe('十一月廿三号');
  });

  it('queue numbers digit by digit, as printed', () => {
    const r = readQueueNumber(42);
    expect(r.text).toBe('零四二号');
    expect(r.units).toEqual(['num.0', 'num.4', 'num.2', 'queue.hao']);
    expect(readQueueNumber(1234).text).toBe('一二三四号');
    // a ticket's digits as printed keep their padding: 预0007 is 零零零七号
    expect(readQueueNumber('0007').text).toBe('零零零七号');
    expect(() => readQueueNumber('7a')).toThrow(RangeError);
  });

  it('discounts before 折, digit by digit from the percent paid', () => {
    expect(readZhe(80).text).toBe('八');
    expect(readZhe(85).units).toEqual(['num.8', 'num.5']);
    expect(readZhe(95, wuStyle).text).toBe('九五');
    expect(() => readZhe(100)).toThrow(RangeError);
  });

  it('refuses bad times and dates', () => {
    expect(() => readTime('24:00')).toThrow(RangeError);
    expect(() => readDate('2026-13-01')).toThrow(RangeError);
  });
});

describe('slot formats per locale (what a {{slot, format}} says)', () => {
  it.each([
    [750, 'money', 'zh-CN', '七元五角'],
    [750, 'money', 'wuu', '七块五角'],
    [750, 'money', 'zh-x-henan', '七块五毛'],
    [750, 'money', 'yue', '七蚊五毫'],
    [750, 'money', 'en', '7.50 yuan'],
    [700, 'money', 'en', '7 yuan'],
    [2, 'integer', 'zh-CN', '两'],
    [2, 'integer', 'en', '2'],
    ['09:30', 'daytime', 'zh-CN', '上午九点半'],
    ['09:30', 'daytime', 'en', '9:30'],
    ['2026-11-24', 'date', 'wuu', '十一月廿四号'],
    ['2026-11-24', 'date', 'en', '24 November'],
    ['012', 'queue', 'zh-CN', '零一二号'],
    ['012', 'queue', 'en', '012'],
    [85, 'zhe', 'en', '85%'],
  ] as const)('%s as %s in %s → %s', (value, format, locale, text) => {
    expect(readSlot(value, format, locale).text).toBe(text);
  });

  it('English slots are never composed from clips; Chinese ones are', () => {
    expect(readSlot(750, 'money', 'en').units).toBeNull();
    expect(readSlot(750, 'money', 'wuu').units).toEqual([
      'num.7',
      'money.yuan',
      'num.5',
      'money.jiao',
    ]);
  });

  it('a value out of range is said as written rather than failing the line', () => {
    expect(readSlot(7.5, 'money', 'zh-CN')).toEqual({ text: '7.5', units: null });
  });
});
