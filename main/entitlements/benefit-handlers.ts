import type {
  BenefitGroup,
  BenefitReminder,
  BenefitsView,
} from '../../contract/calls/benefit-calls';
import type { PolicyPack } from '../../policies/schema';
import { ageOn, computeEntitlements, type EngineElder } from './engine';
import { benefitReminders } from './reminders';

/**
 * The KioskApi handlers for 我的待遇 as plain functions: the core's dispatcher supplies the elder of
 * the session, the station's pack and today's date in Asia/Shanghai (main/clock.ts shanghaiDate).
 */
const GROUPS: readonly BenefitGroup[] = ['money', 'services', 'care'];

/** 'benefits.list': the items that apply (or need staff), grouped; the rest for the staff view. */
export function listBenefits(elder: EngineElder, pack: PolicyPack, on: string): BenefitsView {
  const all = computeEntitlements(elder, pack, on);
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
): BenefitReminder[] {
  return benefitReminders(elder, pack, on);
}
