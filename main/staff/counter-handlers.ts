import type { counterCalls } from '../../contract/calls/counter-calls';
import type { PrintState } from '../../contract/calls/ordering-calls';
import type { StaffView } from '../../contract/views';
import { findPack } from '../../policies/registry';
import { ApiRefusal, type Handlers } from '../api/dispatch';
import type { KioskCore } from '../core/kiosk-core';
import { confirmCashPayment } from '../ordering/cash-payments';
import { mealOrderElderId, mealOrderForReprint, setMealPrintState } from '../ordering/meal-orders';
import { defaultMealsConfig } from '../ordering/meals-config';
import type { OrderingContext } from '../ordering/ordering-context';
import { refuse } from '../ordering/refusal';
import {
  bookingElderId,
  bookingForReprint,
  setBookingPrintState,
} from '../ordering/service-bookings';
import { printTicketWithin, type TicketPrinting } from '../ordering/ticket-printing';
import { receiptOf, topUpForReprint, topUpMealWallet } from '../ordering/top-up';
import { findElderById } from './elder-search';
import { StaffRefusal } from './staff-repo';
import { todayView } from './today-lists';

type CounterCallName = keyof typeof counterCalls | 'staff.confirmCash';
export type CounterHandlers = Pick<Handlers, CounterCallName>;

export interface CounterDeps {
  core: KioskCore;
  now: () => Date;
  /** the signed-in staff member (throws StaffRefusal without one); counts as activity */
  staff: () => StaffView;
  today: () => string;
  printing: TicketPrinting;
}

/** A staff refusal (no session) becomes the `{ok:false}` envelope, like the rest of the console. */
function guarded<A extends unknown[], R>(fn: (...a: A) => Promise<R> | R) {
  return async (...a: A): Promise<R> => {
    try {
      return await fn(...a);
    } catch (error) {
      if (error instanceof StaffRefusal)
        throw new ApiRefusal(error.reason === 'not-found' ? 'not-found' : 'refused', error.message);
      throw error;
    }
  };
}

/**
 * Money and tickets at the counter: 补打 for any elder's order, booking or top-up receipt, cash
 * taken for an order or booking, and cash credited to a meal wallet. Every one needs a staff
 * session and is recorded with the staff id and the elder id; every print comes after the commit.
 */
export function counterHandlers(deps: CounterDeps): CounterHandlers {
  const { core, now, printing } = deps;
  const db = core.db;
  const ctx = (staffId: string): OrderingContext => ({
    db,
    now,
    meals: core.config.meals ?? defaultMealsConfig,
    pack: findPack(core.config.station.policyPack),
    stationName: core.config.station.name,
    actor: () => staffId,
  });
  const names = {
    elder: (id: string) => findElderById(db, id)?.name ?? null,
    staff: (id: string) =>
      (db.prepare('SELECT name FROM staff WHERE id = ?').get(id) as { name: string } | undefined)
        ?.name ?? null,
  };
  const elderOf = (elderId: string | null, noun: string, uuid: string) => {
    if (elderId === null) refuse('not-found', `no ${noun} ${uuid}`);
    return (
      findElderById(db, elderId) ?? refuse('not-found', `elder ${elderId} is not on the roster`)
    );
  };

  async function reprint(kind: 'order' | 'booking' | 'top-up', uuid: string): Promise<PrintState> {
    const staff = deps.staff();
    const c = ctx(staff.id);
    if (kind === 'top-up') {
      const ticket = topUpForReprint(c, uuid, names, staff.id);
      return printTicketWithin(printing, ticket, `top-up ${uuid} (staff reprint)`);
    }
    if (kind === 'order') {
      const view = mealOrderForReprint(c, elderOf(mealOrderElderId(c, uuid), 'order', uuid), uuid);
      const state = await printTicketWithin(printing, view.ticket, `order ${uuid} (staff reprint)`);
      setMealPrintState(c, uuid, state);
      return state;
    }
    const view = bookingForReprint(c, elderOf(bookingElderId(c, uuid), 'booking', uuid), uuid);
    const state = await printTicketWithin(printing, view.ticket, `booking ${uuid} (staff reprint)`);
    setBookingPrintState(c, uuid, state);
    return state;
  }

  return {
    'staff.reprint': guarded(async ({ kind, uuid }) => ({
      kind,
      uuid,
      printState: await reprint(kind, uuid),
    })),
    'staff.confirmCash': guarded((record) => {
      confirmCashPayment({ db, now }, record, deps.staff().id);
      return todayView(db, deps.today());
    }),
    'staff.topUp': guarded(async ({ uuid, elderId, amountFen }) => {
      const staff = deps.staff();
      const session = core.session();
      const elder = core.currentElder();
      if (session.kind !== 'staff' || session.assisting?.id !== elderId || elder?.id !== elderId)
        throw new ApiRefusal(
          'refused',
          `not-assisting: top up only for the elder being assisted (staff.assist ${elderId} first)`,
        );
      const done = topUpMealWallet(ctx(staff.id), elder, { uuid, amountFen }, staff.id);
      // The receipt comes after the commit; a failed print leaves the money credited.
      const printState = await printTicketWithin(
        printing,
        receiptOf(core.config.station.name, done, names),
        `top-up ${uuid}`,
      );
      return {
        uuid: done.uuid,
        elderId: done.elderId,
        elderName: elder.name,
        amountFen: done.amountFen,
        balanceAfterFen: done.balanceAfterFen,
        printState,
        at: done.at,
      };
    }),
  };
}
