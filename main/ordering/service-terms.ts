import { prepared } from './prepared';
import type { FunderSplit } from '../../contract/calls/ordering-calls';
import type { Db } from '../store/open-database';
import { paidBy, splitPrice } from './funder-split';

/** A service's terms (table service_terms): purchased minutes a month and a government share. */
export interface ServiceTerms {
  serviceId: string;
  purchasedMinutesPerMonth: number;
  purchasedFor: string[];
  subsidyPercent: number;
  subsidyFor: string[];
  isAssessment: boolean;
}

interface TermsRow {
  service_id: string;
  purchased_minutes_per_month: number;
  purchased_for: string;
  subsidy_percent: number;
  subsidy_for: string;
  is_assessment: number;
}

const none = (serviceId: string): ServiceTerms => ({
  serviceId,
  purchasedMinutesPerMonth: 0,
  purchasedFor: [],
  subsidyPercent: 0,
  subsidyFor: [],
  isAssessment: false,
});

/** A service without terms is sold at its full price: nobody is subsidised by default. */
export function termsFor(db: Db, serviceId: string): ServiceTerms {
  const r = prepared(db, 'SELECT * FROM service_terms WHERE service_id = ?').get(serviceId) as
    TermsRow | undefined;
  if (!r) return none(serviceId);
  return {
    serviceId,
    purchasedMinutesPerMonth: r.purchased_minutes_per_month,
    purchasedFor: JSON.parse(r.purchased_for) as string[],
    subsidyPercent: r.subsidy_percent,
    subsidyFor: JSON.parse(r.subsidy_for) as string[],
    isAssessment: r.is_assessment === 1,
  };
}

export function allTermIds(db: Db): string[] {
  const rows = prepared(db, 'SELECT purchased_for, subsidy_for FROM service_terms').all() as Pick<
    TermsRow,
    'purchased_for' | 'subsidy_for'
  >[];
  return [
    ...new Set(
      rows.flatMap((r) => [
        ...(JSON.parse(r.purchased_for) as string[]),
        ...(JSON.parse(r.subsidy_for) as string[]),
      ]),
    ),
  ];
}

/** Government-purchased minutes this elder has used on bookings in a month (YYYY-MM). */
export function purchasedMinutesUsed(db: Db, elderId: string, month: string): number {
  const r = prepared(
    db,
    `SELECT coalesce(sum(purchased_minutes), 0) AS used FROM service_bookings
       WHERE elder_id = ? AND month = ? AND status = 'booked'`,
  ).get(elderId, month) as { used: number };
  return r.used;
}

const anyReceived = (ids: string[], eligible: ReadonlySet<string>): boolean =>
  ids.some((id) => eligible.has(id));

/**
 * Prices one booking: government-purchased hours cover the whole visit when enough minutes are
 * left this month (all or nothing: a visit is not split across two payers' hours); otherwise an
 * eligible elder gets the government share; everyone else pays the full price.
 */
export function priceService(
  terms: ServiceTerms,
  priceFen: number,
  durationMinutes: number,
  eligible: ReadonlySet<string>,
  minutesUsed: number,
): { split: FunderSplit; purchasedMinutes: number; minutesLeft: number | null } {
  const hasHours = terms.purchasedMinutesPerMonth > 0 && anyReceived(terms.purchasedFor, eligible);
  const minutesLeft = hasHours ? Math.max(0, terms.purchasedMinutesPerMonth - minutesUsed) : null;
  if (minutesLeft !== null && minutesLeft >= durationMinutes)
    return {
      split: paidBy(priceFen, 'government'),
      purchasedMinutes: durationMinutes,
      minutesLeft,
    };
  const subsidised = terms.subsidyPercent > 0 && anyReceived(terms.subsidyFor, eligible);
  const split = subsidised
    ? splitPrice(
        priceFen,
        {
          government: { percent: terms.subsidyPercent },
          enterprise: { fen: 0 },
          charity: { fen: 0 },
        },
        0,
      )
    : paidBy(priceFen, 'personal');
  return { split, purchasedMinutes: 0, minutesLeft };
}
