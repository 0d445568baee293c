import type {
  BenefitGroup,
  BenefitReminder,
  BenefitsView,
  Entitlement,
} from '../../contract/calls/benefit-calls';
import type { PolicyPack } from '../../policies/schema';
import { ageOn, computeEntitlements, type EngineElder } from './engine';
import { benefitReminders } from './reminders';
import { withBookedAssessments, type BookedAssessment } from './booked-assessments';

/**
 * The KioskApi handlers for 我的待遇 as plain functions: the core's dispatcher supplies the elder of
 * the session, the station's pack, today's date in Asia/Shanghai (main/clock.ts shanghaiDate) and
 * the 能力评估 the elder has booked at the station.
 */
const GROUPS: readonly BenefitGroup[] = ['money', 'services', 'care'];

/**
 * Within a group, what the elder can act on first — due, then can apply, then ask staff — and
 * what they already receive after; pack order within each (Array.prototype.sort is stable).
 */
const FIRST: Record<Entitlement['status'], number> = {
  due: 0,
  'can-apply': 1,
  'ask-staff': 2,
  receiving: 3,
  'not-eligible': 4,
};
const actionableFirst = (items: Entitlement[]): Entitlement[] =>
  [...items].sort((a, b) => FIRST[a.status] - FIRST[b.status]);

/**
 * 'benefits.list': the items that apply (or need staff), grouped, what to act on first; the rest
 * for the staff view.
 */
export function listBenefits(
  elder: EngineElder,
  pack: PolicyPack,
  on: string,
  booked: readonly BookedAssessment[] = [],
): BenefitsView {
  const all = withBookedAssessments(computeEntitlements(elder, pack, on), pack, booked, on);
  const shown = all.filter((e) => e.status !== 'not-eligible');
  return {
    pack: { id: pack.id, version: pack.version, hash: pack.hash, title: pack.title },
    on,
    age: ageOn(elder, on),
    groups: GROUPS.map((group) => ({
      group,
      items: actionableFirst(shown.filter((e) => e.group === group)),
    })),
    notEligible: all.filter((e) => e.status === 'not-eligible'),
  };
}

/** 'benefits.reminders': 服务找人, most important first. */
export function listBenefitReminders(
  elder: EngineElder,
  pack: PolicyPack,
  on: string,
  booked: readonly BookedAssessment[] = [],
): BenefitReminder[] {
  return benefitReminders(elder, pack, on, booked);
}
