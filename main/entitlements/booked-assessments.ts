import type { Entitlement } from '../../contract/calls/benefit-calls';
import type { PolicyPack } from '../../policies/schema';
import { t } from './labels';

/** A 能力评估 the elder has booked at the station and not cancelled (main/ordering). */
export interface BookedAssessment {
  /** ISO date-time with the station's offset, as bookings store it: 2026-11-24T09:00:00+08:00 */
  startsAt: string;
}

/**
 * The first booking on `on` (YYYY-MM-DD, Asia/Shanghai) or later. An earlier one that is still
 * "booked" was missed, or staff have not yet recorded the assessment: the reminder comes back.
 */
function upcoming(booked: readonly BookedAssessment[], on: string): BookedAssessment | null {
  return booked.find((b) => b.startsAt.slice(0, 10) >= on) ?? null;
}

const tracked = (pack: PolicyPack, e: Entitlement): boolean =>
  pack.items.some((i) => i.id === e.id && i.dueFrom !== undefined);

/** Whether an entitlement is a due tracked item (the capability assessment) a booking answers. */
export function answeredByBooking(
  e: Entitlement,
  pack: PolicyPack,
  booked: readonly BookedAssessment[],
  on: string,
): boolean {
  return e.status === 'due' && tracked(pack, e) && upcoming(booked, on) !== null;
}

/**
 * Due tracked items that a booking answers say when it is instead of "please apply": booking it
 * was the application. They stay `due` until staff record the assessment in the elder record
 * (lastAssessment), which moves the next due date on. The time is the station's wall clock as
 * stored ("2026-11-24 09:00"), never converted.
 */
export function withBookedAssessments(
  entitlements: Entitlement[],
  pack: PolicyPack,
  booked: readonly BookedAssessment[],
  on: string,
): Entitlement[] {
  const next = upcoming(booked, on);
  if (!next) return entitlements;
  const when = `${next.startsAt.slice(0, 10)} ${next.startsAt.slice(11, 16)}`;
  return entitlements.map((e) =>
    answeredByBooking(e, pack, booked, on)
      ? { ...e, whatToDo: t(`已预约 ${when}，请按时来`, `Booked for ${when}; please come then.`) }
      : e,
  );
}
