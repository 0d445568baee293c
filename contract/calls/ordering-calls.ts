import { z } from 'zod';
import { defineCall } from '../define';

/**
 * 助餐 (meal ordering) and 点单式 service booking for the elder of the current session. The core
 * supplies the elder, the date and the prices; the renderer only picks and confirms. Money is
 * integer fen everywhere; every order and booking carries a UUID the renderer makes, so a retried
 * call after a lost reply finds the record instead of making a second one.
 */

export type Sitting = 'lunch' | 'dinner';
export type Funder = 'government' | 'enterprise' | 'charity' | 'personal';
export type PaymentMethod = 'meal-wallet' | 'subsidy-balance' | 'cash';
export type PrintState = 'pending' | 'printed' | 'failed';

/** Who pays how much of a price, in fen; the four parts always sum to `fullFen`. */
export interface FunderSplit {
  fullFen: number;
  government: number;
  enterprise: number;
  charity: number;
  personal: number;
}

/** A ticket as plain data (hardware/printer/ticket.ts prints exactly this shape). */
export interface TicketData {
  title: string;
  lines: string[];
  queueNumber?: string | null;
  qr?: string | null;
  footer?: string[];
}

export interface MenuDish {
  id: string;
  name: string;
  icon: string;
  tags: string[];
  portionsLeft: number;
  fullFen: number;
  /** what this elder pays for one portion eaten in (the subsidised price when one is left) */
  elderFen: number;
}

export interface MenuSitting {
  sitting: Sitting;
  date: string;
  cutoff: string;
  /** false after the cut-off: the dishes are shown but cannot be ordered */
  open: boolean;
  /** this elder already has a subsidised meal in this sitting, so the next is at full price */
  subsidisedUsed: boolean;
  dishes: MenuDish[];
}

export interface MenuView {
  date: string;
  /** how to say the date to the elder: orders after the day's last cut-off are for tomorrow */
  day: 'today' | 'tomorrow' | 'later';
  tier: string;
  /** the fee, what this elder pays of it (after a charity share), and whether it is free */
  delivery: { allowed: boolean; feeFen: number; elderFeeFen: number; free: boolean };
  sittings: MenuSitting[];
}

export interface QuoteLine {
  kind: 'subsidised-portion' | 'full-price-portion' | 'delivery';
  split: FunderSplit;
}

export interface MealQuote {
  date: string;
  sitting: Sitting;
  dish: { id: string; name: string; icon: string };
  quantity: number;
  delivery: boolean;
  tier: string;
  lines: QuoteLine[];
  total: FunderSplit;
}

export type OrderStatus = 'placed' | 'cancelled';
export type PaymentState = 'paid' | 'awaiting-cash' | 'refunded';

export interface MealOrderView {
  uuid: string;
  seq: number;
  queueNumber: string;
  status: OrderStatus;
  paymentState: PaymentState;
  payment: PaymentMethod;
  printState: PrintState;
  cancellable: boolean;
  quote: MealQuote;
  createdAt: string;
  ticket: TicketData;
}

export interface Balances {
  mealWalletFen: number;
  subsidyBalanceFen: number;
}

export interface ServiceView {
  id: string;
  name: string;
  icon: string;
  description: string;
  durationMinutes: number;
  fullFen: number;
  /** what this elder pays for the next booking (0 when government-purchased hours cover it) */
  elderFen: number;
  /** government-purchased minutes left this month; null when the elder has none for it */
  purchasedMinutesLeft: number | null;
  isAssessment: boolean;
}

export interface SlotView {
  id: string;
  serviceId: string;
  startsAt: string;
  capacity: number;
  left: number;
}

/** A slot as the elder chooses it: what they would pay and the hours left in the slot's month. */
export interface SlotChoice extends SlotView {
  /** what this elder pays for this slot (hours are counted in the slot's own month) */
  elderFen: number;
  /** government-purchased minutes left in the slot's month; null when the elder has none */
  purchasedMinutesLeft: number | null;
}

export interface ServiceQuote {
  service: { id: string; name: string; icon: string; durationMinutes: number };
  slot: SlotView;
  purchasedMinutes: number;
  total: FunderSplit;
}

export interface BookingView {
  uuid: string;
  seq: number;
  bookingNumber: string;
  status: 'booked' | 'cancelled';
  paymentState: PaymentState | 'none';
  payment: PaymentMethod | 'none';
  printState: PrintState;
  cancellable: boolean;
  quote: ServiceQuote;
  createdAt: string;
  ticket: TicketData;
}

const uuid = z.uuid();
const sitting = z.enum(['lunch', 'dinner']);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.string().min(1).max(64);
const payment = z.enum(['meal-wallet', 'subsidy-balance', 'cash']);
const empty = z.object({}).strict();

const mealChoice = z
  .object({
    date,
    sitting,
    dishId: id,
    quantity: z.number().int().min(1).max(10),
    delivery: z.boolean(),
  })
  .strict();

export const orderingCalls = {
  /** today's (or the given day's) menu with this elder's prices */
  'meals.menu': defineCall<MenuView>()(z.object({ date: date.optional() }).strict()),
  'meals.quote': defineCall<MealQuote>()(mealChoice),
  /** commits the order, then prints its ticket; the same uuid again returns the same order */
  'meals.order': defineCall<MealOrderView>()(mealChoice.extend({ uuid, payment }).strict()),
  'meals.myOrders': defineCall<MealOrderView[]>()(empty),
  /** before the cut-off only: the order is reversed in the ledger and the money goes back */
  'meals.cancel': defineCall<MealOrderView>()(z.object({ uuid }).strict()),
  'meals.reprint': defineCall<MealOrderView>()(z.object({ uuid }).strict()),
  'meals.balances': defineCall<Balances>()(empty),
  'services.catalogue': defineCall<ServiceView[]>()(empty),
  'services.slots': defineCall<SlotChoice[]>()(z.object({ serviceId: id }).strict()),
  'services.quote': defineCall<ServiceQuote>()(z.object({ slotId: id }).strict()),
  'services.book': defineCall<BookingView>()(z.object({ uuid, slotId: id, payment }).strict()),
  'services.myBookings': defineCall<BookingView[]>()(empty),
  'services.cancel': defineCall<BookingView>()(z.object({ uuid }).strict()),
  'services.reprint': defineCall<BookingView>()(z.object({ uuid }).strict()),
};

/**
 * Why an ordering call was refused: the refusal's message starts with one of these and a colon
 * ("after-cutoff: lunch on 2026-11-23 closed at 10:00"), so the renderer can say it in the elder's
 * language while logs keep the English detail.
 */
export const orderingRefusals = [
  'no-elder',
  'not-on-menu',
  'after-cutoff',
  'sold-out',
  'delivery-not-allowed',
  'too-many-portions',
  'insufficient-balance',
  'slot-full',
  'slot-past',
  'not-cancellable',
  'not-found',
  'not-yours',
  'record-cancelled',
  'bad-amount',
] as const;
export type OrderingRefusal = (typeof orderingRefusals)[number];

export function refusalReason(message: string): OrderingRefusal | null {
  const head = message.split(':', 1)[0] ?? '';
  return (orderingRefusals as readonly string[]).includes(head) ? (head as OrderingRefusal) : null;
}
