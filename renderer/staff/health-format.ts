/**
 * How the health tab writes times: pure, so it is tested without a DOM. Times come from the core
 * as ISO strings with +08:00 (Shanghai), which is the station's clock: shown as they are.
 */

/** "2026-11-23T10:04:05.123+08:00" → "2026-11-23 10:04:05" */
export function shortTime(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

export type AgeUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** An age in the largest whole unit that fits (59 s, 12 min, 3 h, 2 d), rounded down. */
export function ageIn(seconds: number): { unit: AgeUnit; n: number } {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return { unit: 'seconds', n: s };
  if (s < 3600) return { unit: 'minutes', n: Math.floor(s / 60) };
  if (s < 86_400) return { unit: 'hours', n: Math.floor(s / 3600) };
  return { unit: 'days', n: Math.floor(s / 86_400) };
}
