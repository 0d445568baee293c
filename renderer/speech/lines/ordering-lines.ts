import type {
  BookingView,
  FunderSplit,
  MealOrderView,
  MealQuote,
  MenuSitting,
  MenuView,
  ServiceQuote,
  ServiceView,
  Sitting,
} from '../../../contract/calls/ordering-calls';
import type { SpeechParam } from '../../../contract/calls/speech-calls';
import type { SpokenLine } from '../spoken-line';

/**
 * The spoken lines of 订餐 and 预约服务, built from what the core sent: money in fen and ticket
 * digits as printed go in as numbers for the core to read (七元五角, never "7.50"), and every
 * word of the screen's own (午餐, 送餐上门, 低盐) goes in as a key, so a dialect pack can say all of
 * it and a Wu line is never spoken from a Mandarin string. Only data (a dish's or a service's
 * name) is sent as text.
 */
const sittingWord = (sitting: Sitting): SpeechParam => ({
  key: `ordering:meals.sittings.${sitting}`,
});

/** The dietary tags the locales can say; any other tag from the menu is said as written. */
const tagKeys: Record<string, string> = { 低盐: 'lowSalt', 软食: 'soft', 低糖: 'lowSugar' };

export function dishTags(tags: string[]): SpeechParam {
  if (tags.length === 0) return '';
  const words = tags.map((tag): SpeechParam => {
    const known = tagKeys[tag];
    return known ? { key: `ordering:spoken.tags.${known}` } : tag;
  });
  return {
    key: 'ordering:spoken.dishTags',
    params: { tags: { list: words, join: 'enumeration' } },
  };
}

function menuDay(menu: MenuView): SpeechParam {
  return menu.day === 'later'
    ? { key: 'ordering:spoken.onDate', params: { date: menu.date } }
    : { key: `ordering:meals.days.${menu.day}` };
}

/** The menu of one sitting, every dish with its tags and this elder's price; or that it closed. */
export function menuLine(menu: MenuView, sitting: MenuSitting): SpokenLine {
  if (!sitting.open)
    return { key: 'ordering:spoken.closed', params: { sitting: sittingWord(sitting.sitting) } };
  const dishes = sitting.dishes.map((d): SpeechParam => ({
    key: 'ordering:spoken.menuDish',
    params: { dish: d.name, tags: dishTags(d.tags), amount: d.elderFen },
  }));
  return {
    key: 'ordering:spoken.menu',
    params: {
      day: menuDay(menu),
      sitting: sittingWord(sitting.sitting),
      dishes: { list: dishes, join: 'semicolon' },
    },
  };
}

/** 政府补…、企业让…、慈善捐…、您付…: each funder that pays a share, then what the elder pays. */
export function funderSplit(total: FunderSplit): SpeechParam {
  const funders = (['government', 'enterprise', 'charity'] as const).filter((f) => total[f] > 0);
  return {
    list: [
      ...funders.map((f): SpeechParam => ({
        key: `ordering:spoken.split.${f}`,
        params: { amount: total[f] },
      })),
      { key: 'ordering:spoken.split.personal', params: { amount: total.personal } },
    ],
    join: 'comma',
  };
}

export function mealConfirmLine(quote: MealQuote): SpokenLine {
  return {
    key: 'ordering:spoken.confirm',
    params: {
      dish: quote.dish.name,
      quantity: quote.quantity,
      delivery: { key: quote.delivery ? 'ordering:meals.delivery' : 'ordering:meals.dineIn' },
      split: funderSplit(quote.total),
    },
  };
}

/** The digits of a printed ticket number ("午012" → "012", "预0007" → "0007"), read one by one. */
export const ticketDigits = (printed: string): string => printed.replace(/\D/g, '');

export function mealTicketLine(view: MealOrderView): SpokenLine {
  const key =
    view.printState === 'failed'
      ? 'ordering:spoken.printFailed'
      : view.paymentState === 'awaiting-cash'
        ? 'ordering:spoken.orderedCash'
        : 'ordering:spoken.ordered';
  return {
    key,
    params: {
      sitting: sittingWord(view.quote.sitting),
      queue: ticketDigits(view.queueNumber),
      amount: view.quote.total.personal,
    },
  };
}

export const servicesLine = (services: ServiceView[]): SpokenLine => ({
  key: 'ordering:spoken.services',
  params: { services: { list: services.map((s) => s.name), join: 'enumeration' } },
});

export const slotsLine = (service: ServiceView): SpokenLine => ({
  key: 'ordering:spoken.slots',
  params: { service: service.name },
});

/** The booking's service, day and time (station time, as the core sends it) and what the elder pays. */
export function serviceConfirmLine(quote: ServiceQuote): SpokenLine {
  return {
    key: 'ordering:spoken.confirmService',
    params: {
      service: quote.service.name,
      date: quote.slot.startsAt.slice(0, 10),
      time: quote.slot.startsAt.slice(11, 16),
      amount: quote.total.personal,
    },
  };
}

export function bookingTicketLine(view: BookingView): SpokenLine {
  return {
    key:
      view.printState === 'failed' ? 'ordering:spoken.bookedPrintFailed' : 'ordering:spoken.booked',
    params: { number: ticketDigits(view.bookingNumber) },
  };
}
