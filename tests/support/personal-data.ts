import { demoElders } from '../../main/demo/demo-elders';
import { testElders } from './test-elders';

/** An 18-character resident ID number (17 digits and a digit or X check character). */
const idNumberPattern = /\d{17}[\dX]/;
/** A mainland mobile number on its own (not inside a longer run of digits). */
const phonePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/**
 * Names, ID numbers and phones of every elder the tests use (the demo station's and those the
 * tests import): what must never reach a log.
 */
const demoPersonalValues = [...demoElders, ...testElders].flatMap((e) => [
  e.name,
  e.idNumber,
  e.phone,
]);

/**
 * What may never appear anywhere the renderer or a log can see it: a full ID number (the core
 * shows only the last 4 digits). Returns a short description of the first finding, or null.
 */
export function findIdNumber(text: string): string | null {
  const match = idNumberPattern.exec(text);
  return match ? `an ID number …${match[0].slice(-4)} at offset ${match.index}` : null;
}

/**
 * What may never appear in a log line: any ID number or mobile number, or a demo elder's name.
 * Returns the offending line (with the value masked, so a failing test does not print it again).
 */
export function findPersonalDataInLog(log: string): string | null {
  for (const line of log.split('\n')) {
    const id = findIdNumber(line);
    if (id) return `${id}: ${line.replace(idNumberPattern, '<ID>')}`;
    if (phonePattern.test(line)) return `a phone number: ${line.replace(phonePattern, '<PHONE>')}`;
    const value = demoPersonalValues.find((v) => line.includes(v));
    if (value) return `an elder's name or number: ${line.replaceAll(value, '<NAME>')}`;
  }
  return null;
}

/** Every demo elder's name, for checks that the page forgot them after a session ended. */
export const demoElderNames = demoElders.map((e) => e.name);
