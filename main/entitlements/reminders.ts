import type { BenefitReminder, Entitlement } from '../../contract/calls/benefit-calls';
import type { PolicyPack } from '../../policies/schema';
import { anniversary, formatYmd, parseYmd } from './calendar';
import { computeEntitlements, type EngineElder } from './engine';
import { money, t } from './labels';
import { englishMonth } from '../english-months';
import { answeredByBooking, type BookedAssessment } from './booked-assessments';

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/**
 * 生日祝福: in the month of this year's birthday (1 March for a 29 February birthday in a common
 * year, as ageInZhousui counts it), for an elder the pack's birthday item covers on that birthday —
 * so an elder turning 80 later this month is greeted too.
 */
function birthdayReminder(
  elder: EngineElder,
  pack: PolicyPack,
  on: string,
): BenefitReminder | null {
  const day = parseYmd(on);
  const birth = elder.birthDate === undefined ? null : parseYmd(elder.birthDate);
  if (!day || !birth) return null;
  const turning = day.y - birth.y;
  const birthday = anniversary(birth, turning);
  if (birthday.m !== day.m) return null;
  const item = pack.items.find((i) => i.cadence === 'birthday');
  if (!item) return null;
  const onBirthday = computeEntitlements(elder, pack, formatYmd(birthday)).find(
    (e) => e.id === item.id,
  );
  if (!onBirthday || (onBirthday.status !== 'receiving' && onBirthday.status !== 'can-apply'))
    return null;
  return {
    kind: 'birthday',
    entitlementId: item.id,
    item: item.citation.item,
    text: t(
      `${birthday.m}月${birthday.d}日是您${turning}周岁生日，祝您生日快乐！`,
      `Happy ${ordinal(turning)} birthday on ${birthday.d} ${englishMonth(birthday.m)}!`,
    ),
  };
}

const dueReminder = (e: Entitlement): BenefitReminder => ({
  kind: 'assessment-due',
  entitlementId: e.id,
  item: e.item,
  text: t(
    `${e.title['zh-CN']}，免费。${e.whatToDo['zh-CN']}。`,
    `${e.title.en}, free of charge. ${e.whatToDo.en}`,
  ),
});

const applyReminder = (e: Entitlement): BenefitReminder => {
  const amount = e.amountFen ? money(e.amountFen.monthly) : null;
  const zhAmount = amount ? `，每月${e.amountFen?.atLeast ? '不少于' : ''} ${amount['zh-CN']}` : '';
  const enAmount = amount
    ? ` (${e.amountFen?.atLeast ? 'at least ' : ''}${amount.en} a month)`
    : '';
  return {
    kind: 'can-apply',
    entitlementId: e.id,
    item: e.item,
    text: t(
      `您可以申请${e.title['zh-CN']}${zhAmount}。${e.whatToDo['zh-CN']}。`,
      `You can apply for: ${e.title.en}${enAmount}. ${e.whatToDo.en}`,
    ),
  };
};

/**
 * 服务找人: what the kiosk tells an elder unasked, right after the greeting and first on home.
 * Order: the birthday greeting (it belongs next to the greeting), then services now due (the
 * capability assessment) that the elder has not booked yet, then money the elder could apply for
 * but does not receive, largest known amount first. Items that need staff to decide are left to
 * the 我的待遇 screen.
 */
export function benefitReminders(
  elder: EngineElder,
  pack: PolicyPack,
  on: string,
  booked: readonly BookedAssessment[] = [],
): BenefitReminder[] {
  const all = computeEntitlements(elder, pack, on);
  const birthday = birthdayReminder(elder, pack, on);
  const due = all
    .filter((e) => e.status === 'due' && !answeredByBooking(e, pack, booked, on))
    .map(dueReminder);
  const money = all
    .filter((e) => e.status === 'can-apply' && e.group === 'money')
    .sort((a, b) => (b.amountFen?.monthly ?? 0) - (a.amountFen?.monthly ?? 0) || a.item - b.item)
    .map(applyReminder);
  return [...(birthday ? [birthday] : []), ...due, ...money];
}
