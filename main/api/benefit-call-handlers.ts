import type { KioskCore } from '../core/kiosk-core';
import type { PolicyPack } from '../../policies/schema';
import { listBenefitReminders, listBenefits } from '../entitlements/benefit-handlers';
import { bookedAssessments } from '../ordering/assessment-bookings';
import { ApiRefusal, type Handlers } from './dispatch';

/**
 * 我的待遇 and 服务找人 for the elder in session, under the station's policy pack, on today's date,
 * knowing the 能力评估 they have booked here (a booking answers the "assessment due" reminder).
 */
export function benefitCallHandlers(
  core: KioskCore,
  pack: PolicyPack,
): Pick<Handlers, 'benefits.list' | 'benefits.reminders'> {
  const session = () => {
    const elder = core.currentElder();
    if (!elder) throw new ApiRefusal('refused', 'no elder is in session: tap a card first');
    return { elder, booked: bookedAssessments(core.db, elder.id) };
  };
  return {
    'benefits.list': () => {
      const { elder, booked } = session();
      return listBenefits(elder, pack, core.today(), booked);
    },
    'benefits.reminders': () => {
      const { elder, booked } = session();
      return listBenefitReminders(elder, pack, core.today(), booked);
    },
  };
}
