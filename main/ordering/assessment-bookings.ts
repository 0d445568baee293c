import type { Db } from '../store/open-database';
import { prepared } from './prepared';

/**
 * For the entitlement side (服务找人): the elder's booked, not cancelled 能力评估, soonest first.
 * A booking satisfies the "assessment due" reminder; the assessment itself is recorded later by
 * staff in the elder record (lastAssessment), which ends the reminder for good.
 */
export function bookedAssessments(db: Db, elderId: string): { uuid: string; startsAt: string }[] {
  return (
    prepared(
      db,
      'SELECT uuid, starts_at FROM assessment_bookings WHERE elder_id = ? ORDER BY starts_at',
    ).all(elderId) as { uuid: string; starts_at: string }[]
  ).map((r) => ({ uuid: r.uuid, startsAt: r.starts_at }));
}
