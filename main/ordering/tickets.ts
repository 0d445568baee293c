import type {
  FunderSplit,
  MealQuote,
  ServiceQuote,
  TicketData,
} from '../../contract/calls/ordering-calls';
import type { Ticket } from '../../hardware/printer/ticket';
import { fenToYuan } from './ordering-context';

const SITTING = { lunch: '午餐', dinner: '晚餐' } as const;
const PAYMENT = {
  'meal-wallet': '餐费钱包',
  'subsidy-balance': '补贴余额',
  cash: '现金（请到柜台付款）',
  none: '无需付款',
} as const;

/** The funder lines: only the parts someone actually pays, so a short ticket stays short. */
function splitLines(total: FunderSplit): string[] {
  const parts: [string, number][] = [
    ['政府补贴', total.government],
    ['企业让利', total.enterprise],
    ['慈善捐助', total.charity],
  ];
  return [
    `原价 ¥${fenToYuan(total.fullFen)}`,
    ...parts.filter(([, fen]) => fen > 0).map(([label, fen]) => `${label} ¥${fenToYuan(fen)}`),
    `个人支付 ¥${fenToYuan(total.personal)}`,
  ];
}

/** "2026-11-23 11:30" from a stored time (which carries the station's +08:00 offset). */
const localMinute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** Under every ticket: 补打 on a reprint, when the record was made, and its uuid for staff. */
const footer = (record: { uuid: string; createdAt: string }, reprint: boolean): string[] => [
  ...(reprint ? ['（补打）'] : []),
  localMinute(record.createdAt),
  record.uuid,
];

/** A meal's pick-up number: 午/晚 and three digits, read from the ticket and called at the hatch. */
export const queueLabel = (sitting: 'lunch' | 'dinner', n: number): string =>
  `${sitting === 'lunch' ? '午' : '晚'}${String(n).padStart(3, '0')}`;

export const bookingLabel = (n: number): string => `预${String(n).padStart(4, '0')}`;

export function mealTicket(
  station: string,
  order: {
    uuid: string;
    queueNumber: string;
    quote: MealQuote;
    payment: keyof typeof PAYMENT;
    elderName: string;
    createdAt: string;
  },
  reprint = false,
): TicketData {
  const q = order.quote;
  const ticket: Ticket = {
    title: station,
    lines: [
      `${order.elderName}  ${q.date} ${SITTING[q.sitting]}`,
      `${q.dish.name} x${q.quantity}`,
      q.delivery ? '送餐上门' : '堂食',
      ...splitLines(q.total),
      `付款方式：${PAYMENT[order.payment]}`,
    ],
    queueNumber: order.queueNumber,
    footer: footer(order, reprint),
  };
  return ticket;
}

export function bookingTicket(
  station: string,
  booking: {
    uuid: string;
    bookingNumber: string;
    quote: ServiceQuote;
    payment: keyof typeof PAYMENT;
    elderName: string;
    createdAt: string;
  },
  reprint = false,
): TicketData {
  const q = booking.quote;
  const ticket: Ticket = {
    title: station,
    lines: [
      `预约号 ${booking.bookingNumber}`,
      `${booking.elderName}  ${q.service.name}`,
      `时间 ${localMinute(q.slot.startsAt)}（约 ${q.service.durationMinutes} 分钟）`,
      ...(q.purchasedMinutes > 0 ? [`政府购买服务 ${q.purchasedMinutes} 分钟`] : []),
      ...splitLines(q.total),
      `付款方式：${PAYMENT[booking.payment]}`,
    ],
    queueNumber: null,
    footer: footer(booking, reprint),
  };
  return ticket;
}

/** The receipt for cash taken at the counter and credited to the elder's meal wallet. */
export function topUpReceipt(
  station: string,
  topUp: {
    uuid: string;
    elderName: string;
    staffName: string;
    amountFen: number;
    balanceAfterFen: number;
    at: string;
  },
  reprint = false,
): TicketData {
  const ticket: Ticket = {
    title: station,
    lines: [
      '餐费钱包充值收据',
      topUp.elderName,
      `充值金额 ¥${fenToYuan(topUp.amountFen)}`,
      `充值后余额 ¥${fenToYuan(topUp.balanceAfterFen)}`,
      '收款方式：现金',
      `经办：${topUp.staffName}`,
    ],
    queueNumber: null,
    footer: footer({ uuid: topUp.uuid, createdAt: topUp.at }, reprint),
  };
  return ticket;
}
