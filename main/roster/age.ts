import { ageInZhousui, parseYmd } from '../entitlements/calendar';

/**
 * Age in 周岁 (full years) on a date, both as YYYY-MM-DD in Asia/Shanghai. The one rule lives in
 * the entitlement calendar (29 February birthdays count on 1 March in common years); this is the
 * string-typed door to it for the core's screens.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = parseYmd(birthDate);
  const on = parseYmd(onDate);
  if (!birth || !on) throw new Error(`not a YYYY-MM-DD date: ${birth ? onDate : birthDate}`);
  return ageInZhousui(birth, on);
}
