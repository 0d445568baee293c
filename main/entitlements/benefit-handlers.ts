import type {
  BenefitGroup,
  BenefitReminder,
  BenefitsView,
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

/** 'benefits.list': the items that apply (or need staff), grouped; the rest for the staff view. */
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
    groups: GROUPS.map((group) => ({ group, items: shown.filter((e) => e.group === group) })),
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
