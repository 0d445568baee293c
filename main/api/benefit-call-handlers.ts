import type { KioskCore } from '../core/kiosk-core';
import type { PolicyPack } from '../../policies/schema';
import { listBenefitReminders, listBenefits } from '../entitlements/benefit-handlers';
import { ApiRefusal, type Handlers } from './dispatch';

/** 我的待遇 and 服务找人 for the elder in session, under the station's policy pack, on today's date. */
export function benefitCallHandlers(
  core: KioskCore,
  pack: PolicyPack,
): Pick<Handlers, 'benefits.list' | 'benefits.reminders'> {
  const elder = () => {
    const current = core.currentElder();
    if (!current) throw new ApiRefusal('refused', 'no elder is in session: tap a card first');
    return current;
  };
  return {
    'benefits.list': () => listBenefits(elder(), pack, core.today()),
    'benefits.reminders': () => listBenefitReminders(elder(), pack, core.today()),
  };
}
