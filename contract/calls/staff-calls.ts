import { z } from 'zod';
import { cardUid } from '../elder';
import { defineCall } from '../define';
import type { SessionState, StaffView } from '../views';
import type { DeviceStatusView } from './device-calls';
import type { CashDueItem, UnprintedItem } from './counter-calls';
import type { PrintState, Sitting } from './ordering-calls';
import type { ChangeKind } from '../sync-protocol';

/**
 * The staff console (issue 8). Every call but `staff.pin` needs a signed-in staff session; each
 * staff call also counts as activity for the session's 30-minute idle clock. Elders appear here
 * with their ID number masked to the last four digits, like everywhere else in the renderer.
 */

export interface ElderMatch {
  id: string;
  name: string;
  gender: 'male' | 'female';
  age: number;
  idNumberMasked: string;
  /** the last four digits only: enough to confirm with the elder at the counter */
  phoneLast4: string;
}

export interface ElderCard {
  uid: string;
  status: 'active' | 'lost';
  boundAt: string;
}

export interface KitchenCount {
  sitting: Sitting;
  dishId: string;
  dishName: string;
  dineIn: number;
  delivery: number;
  served: number;
}

export interface DeliveryItem {
  orderUuid: string;
  queueNumber: string;
  sitting: Sitting;
  elderName: string;
  dishName: string;
  quantity: number;
  address: string | null;
  /** staff need the whole number to call before they knock */
  phone: string;
  state: 'open' | 'served' | 'delivered';
  /** what the elder still owes in cash at the counter, in fen; null when nothing is due */
  cashDueFen: number | null;
  /** whether the ticket printed; 'failed' offers 补打 */
  printState: PrintState;
}

export interface SlotBookings {
  slotId: string;
  serviceName: string;
  startsAt: string;
  capacity: number;
  booked: number;
  elders: {
    bookingUuid: string;
    bookingNumber: string;
    elderName: string;
    printState: PrintState;
    cashDueFen: number | null;
  }[];
}

export interface TodayView {
  date: string;
  kitchen: KitchenCount[];
  delivery: DeliveryItem[];
  dineIn: DeliveryItem[];
  slots: SlotBookings[];
  /** orders and bookings of any day still owing cash */
  cashDue: CashDueItem[];
  /** live orders and bookings whose ticket did not print */
  unprinted: UnprintedItem[];
}

export interface DeadLetterView {
  uuid: string;
  seq: number;
  type: string;
  deviceTime: string;
  reason: string;
}

export interface HealthView {
  devices: DeviceStatusView[];
  printer: { configured: boolean; paperOut: boolean; detail: string | null };
  sync: {
    pending: number;
    sending: number;
    synced: number;
    rejected: number;
    lastPushSuccessAt: string | null;
    lastPullSuccessAt: string | null;
    /** the last sync failure, only while it is newer than the last successful push and pull */
    lastError: string | null;
    lastErrorAt: string | null;
    oldestPendingAgeSeconds: number | null;
  };
  deadLetters: DeadLetterView[];
  /** pulled changes the station would not take (policy packs its loader refused), newest first */
  refusedChanges: RefusedChangeView[];
}

export interface RefusedChangeView {
  kind: ChangeKind;
  key: string;
  version: string | null;
  /** the loader's words, naming the pack item and field */
  reason: string;
  at: string;
}

export type ReportFunder = 'government' | 'enterprise' | 'charity' | 'personal';

export interface DayReport {
  date: string;
  stationId: string;
  meals: { orders: number; portions: number; cancelled: number; delivered: number };
  services: { bookings: number; cancelled: number };
  /** fen by funder, net of cancellations, from the ledger */
  funders: Record<'meals' | 'services' | 'total', Record<ReportFunder, number>>;
  salesFen: { meals: number; services: number; total: number };
  cashDrawer: CashDrawer;
}

/** How many times and how much (fen, ≥ 0) of one kind of cash movement at the counter. */
export interface CashDrawerLine {
  count: number;
  fen: number;
}

/**
 * The counter's cash drawer for the day, from the ledger's `counter:cash-drawer` rows: cash taken
 * for meal orders and service bookings (staff.confirmCash), for meal-wallet top-ups (staff.topUp),
 * and cash given back when a paid record was cancelled. expectedFen = meals + services + topUps −
 * refunds: what the drawer should hold from the day's business.
 */
export interface CashDrawer {
  meals: CashDrawerLine;
  services: CashDrawerLine;
  topUps: CashDrawerLine;
  refunds: CashDrawerLine;
  expectedFen: number;
}

const empty = z.object({}).strict();
const pin = z.string().regex(/^\d{6}$/, 'expected six digits');
const id = z.string().min(1).max(64);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const staffCalls = {
  /** the PIN for the staff card just tapped; a wrong one counts toward the lockout */
  'staff.pin': defineCall<SessionState>()(z.object({ pin }).strict()),
  /** the session is still in use (the console calls this on taps between other calls) */
  'staff.touch': defineCall<SessionState>()(empty),
  /** sign out; the elder screens (请刷卡) come back */
  'staff.signOut': defineCall<SessionState>()(empty),
  'staff.list': defineCall<(StaffView & { locked: boolean })[]>()(empty),
  /** supervisors only: unlock a staff member, optionally with a new PIN */
  'staff.resetPin': defineCall<StaffView>()(
    z.object({ staffId: id, newPin: pin.optional() }).strict(),
  ),
  /** by name (part of it), phone (its last digits) or the last 4 digits of the ID number */
  'staff.findElders': defineCall<ElderMatch[]>()(
    z.object({ query: z.string().trim().min(1).max(40) }).strict(),
  ),
  /** act for this elder (null: stop); ordering and benefit calls then act for them */
  'staff.assist': defineCall<SessionState>()(z.object({ elderId: id.nullable() }).strict()),
  'staff.elderCards': defineCall<ElderCard[]>()(z.object({ elderId: id }).strict()),
  'staff.bindCard': defineCall<ElderCard[]>()(z.object({ elderId: id, uid: cardUid }).strict()),
  'staff.reportLost': defineCall<ElderCard[]>()(z.object({ elderId: id, uid: cardUid }).strict()),
  /** the old card is reported lost and the new one bound, in one transaction */
  'staff.replaceCard': defineCall<ElderCard[]>()(
    z.object({ elderId: id, oldUid: cardUid, newUid: cardUid }).strict(),
  ),
  'staff.today': defineCall<TodayView>()(empty),
  'staff.markServed': defineCall<TodayView>()(
    z.object({ orderUuid: z.uuid(), state: z.enum(['served', 'delivered']) }).strict(),
  ),
  /** staff took the cash for an order or a booking placed as "pay at the counter" */
  'staff.confirmCash': defineCall<TodayView>()(
    z.union([
      z.object({ orderUuid: z.uuid() }).strict(),
      z.object({ bookingUuid: z.uuid() }).strict(),
    ]),
  ),
  'staff.health': defineCall<HealthView>()(empty),
  'staff.retryDeadLetter': defineCall<HealthView>()(z.object({ uuid: z.uuid() }).strict()),
  'staff.resolveDeadLetter': defineCall<HealthView>()(z.object({ uuid: z.uuid() }).strict()),
  'staff.report': defineCall<DayReport>()(z.object({ date: date.optional() }).strict()),
  'staff.printReport': defineCall<{ printed: boolean; error: string | null }>()(
    z.object({ date: date.optional() }).strict(),
  ),
  'staff.reportCsv': defineCall<{ filename: string; csv: string }>()(
    z.object({ date: date.optional() }).strict(),
  ),
};
