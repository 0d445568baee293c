import { z } from 'zod';
import { defineCall } from '../define';

/**
 * 我的待遇: what the elder of the current session is entitled to under the station's policy pack,
 * and the 服务找人 reminders shown first on home and spoken after the greeting. The core supplies
 * the elder and the date (Asia/Shanghai); the renderer only asks.
 */

/** Text in every locale the kiosk ships; the core builds explanations in both. */
export interface LocalText {
  'zh-CN': string;
  en: string;
}

export type BenefitGroup = 'money' | 'services' | 'care';

/**
 * receiving: paid or provided now; can-apply: entitled, but someone must apply; due: a recurring
 * service (capability assessment) whose time has come; ask-staff: the record cannot decide it;
 * not-eligible: a condition the record shows does not hold.
 */
export type EntitlementStatus = 'receiving' | 'can-apply' | 'due' | 'ask-staff' | 'not-eligible';

export type BenefitKind =
  'allowance' | 'discount' | 'free' | 'pension' | 'insurance' | 'priority' | 'service' | 'subsidy';

export interface Entitlement {
  /** the pack item's id, unique in its pack: "10-high-age-allowance" */
  id: string;
  /** the item number in the policy's source list (several ids may share one number) */
  item: number;
  /** a starred (*) item the district added */
  local: boolean;
  title: LocalText;
  group: BenefitGroup;
  status: EntitlementStatus;
  kind: BenefitKind;
  /** allowances only: integer fen a month; atLeast for "不少于" */
  amountFen: { monthly: number; atLeast: boolean } | null;
  /** discounts: the share of the price paid, in percent (5折 = 50), when the source gives it */
  pricePercent: number | null;
  freeDelivery: boolean;
  cadence: 'ongoing' | 'monthly' | 'yearly' | 'biennial' | 'birthday' | 'once' | 'on-need';
  claim: { how: 'automatic' | 'card' | 'counter' | 'phone'; phone?: string; where?: LocalText };
  /** one short sentence for the elder: what to do now */
  whatToDo: LocalText;
  /** for tracked services: the date from which it is (or was) due, YYYY-MM-DD */
  dueOn: string | null;
  /** made from the conditions that held (or failed, or could not be decided) */
  explanation: LocalText;
  /** record fields the item needed and the record lacked */
  missingFields: string[];
  citation: { file: string; document: string; item: number; quote: string };
}

export interface BenefitsView {
  pack: { id: string; version: string; hash: string; title: LocalText };
  /** the date the answer is for, YYYY-MM-DD in Asia/Shanghai */
  on: string;
  /** 周岁 on that date; null when the record has no birth date */
  age: number | null;
  /** money, services, care, in that order; only items that are not "not-eligible" */
  groups: { group: BenefitGroup; items: Entitlement[] }[];
  /** for the staff view: what the elder is not entitled to, and why */
  notEligible: Entitlement[];
}

export type ReminderKind = 'birthday' | 'assessment-due' | 'can-apply';

export interface BenefitReminder {
  kind: ReminderKind;
  entitlementId: string;
  item: number;
  /** shown on home and spoken after the greeting, in the elder's locale */
  text: LocalText;
}

const empty = z.object({}).strict();

export const benefitCalls = {
  /** 我的待遇 for the elder of the current session (refused when no elder is in session) */
  'benefits.list': defineCall<BenefitsView>()(empty),
  /** 服务找人: reminders for the elder of the current session, most important first */
  'benefits.reminders': defineCall<BenefitReminder[]>()(empty),
};
