import type { PrintState, TicketData } from '../../contract/calls/ordering-calls';
import type { orderingCalls } from '../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../contract/elder';
import { findPack } from '../../policies/registry';
import type { Handlers } from '../api/dispatch';
import { shanghaiDate } from '../clock';
import type { KioskConfig } from '../config/config-schema';
import { isDemoStation } from '../demo/seed-demo-station';
import type { Db } from '../store/open-database';
import { balance } from './ledger';
import { defaultMealsConfig } from './meals-config';
import { menuFor, orderableMenu, quoteMeal } from './meal-menu';
import {
  cancelMealOrder,
  listMealOrders,
  mealOrderView,
  placeMealOrder,
  setMealPrintState,
} from './meal-orders';
import { ensureDemoOrdering } from './ordering-demo';
import type { OrderingContext } from './ordering-context';
import { refuse } from './refusal';
import {
  bookService,
  bookingView,
  cancelBooking,
  listBookings,
  quoteService,
  serviceCatalogue,
  serviceSlots,
  setBookingPrintState,
} from './service-bookings';

export interface OrderingDeps {
  db: Db;
  /** the elder of the current session (KioskCore.currentElder) */
  elder: () => ElderRecord | null;
  /** the staff member acting for the elder (assisted session), null otherwise */
  actor?: () => string | null;
  now: () => Date;
  config: Pick<KioskConfig, 'station' | 'meals'>;
  /** prints one ticket; rejects when the printer fails (the order stays, marked for reprint) */
  printTicket: (ticket: TicketData) => Promise<void>;
  /** a printer that never answers must not hold the elder's screen */
  printTimeoutMs?: number;
  log?: (line: string) => void;
}

type OrderingCallName = keyof typeof orderingCalls;
export type OrderingHandlers = Pick<Handlers, OrderingCallName>;

/**
 * The 助餐 and 点单式 KioskApi handlers, to be spread into the core's dispatcher. Each money call
 * commits first and prints after: the ticket is printed only once the transaction has returned,
 * and a failed print is recorded on the order (printState 'failed') for staff to reprint.
 */
export function orderingHandlers(deps: OrderingDeps): OrderingHandlers {
  const ctx: OrderingContext = {
    db: deps.db,
    now: deps.now,
    meals: deps.config.meals ?? defaultMealsConfig,
    pack: findPack(deps.config.station.policyPack),
    stationName: deps.config.station.name,
    ...(deps.actor ? { actor: deps.actor } : {}),
  };
  const log = deps.log ?? (() => undefined);
  const demo = isDemoStation(deps.db);
  const refreshDemo = (): void => {
    if (demo) ensureDemoOrdering(deps.db, shanghaiDate(deps.now()), deps.now());
  };
  refreshDemo();

  const elder = (): ElderRecord => deps.elder() ?? refuse('no-elder', 'no elder is in session');

  async function print(ticket: TicketData, what: string): Promise<PrintState> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        deps.printTicket(ticket),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('the printer did not answer in time')),
            deps.printTimeoutMs ?? 15_000,
          );
        }),
      ]);
      return 'printed';
    } catch (error) {
      log(
        `ticket for ${what} not printed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 'failed';
    } finally {
      clearTimeout(timer);
    }
  }

  /** Prints a committed record's ticket and keeps the outcome on the record, for staff to reprint. */
  async function printAndRecord<
    V extends { uuid: string; ticket: TicketData; printState: PrintState },
  >(
    view: V,
    what: string,
    setPrintState: (ctx: OrderingContext, uuid: string, state: PrintState) => void,
  ): Promise<V> {
    const state = await print(view.ticket, what);
    setPrintState(ctx, view.uuid, state);
    return { ...view, printState: state };
  }

  return {
    'meals.menu': ({ date }) => (date ? menuFor(ctx, elder(), date) : orderableMenu(ctx, elder())),
    'meals.quote': (choice) => quoteMeal(ctx, elder(), choice).quote,
    'meals.order': async (req) => {
      const placed = placeMealOrder(ctx, elder(), req);
      if (placed.printState === 'printed') return placed; // a retried call: printed already
      return printAndRecord(placed, `order ${placed.uuid}`, setMealPrintState);
    },
    'meals.myOrders': () => listMealOrders(ctx, elder(), shanghaiDate(deps.now())),
    'meals.cancel': ({ uuid }) => cancelMealOrder(ctx, elder(), uuid),
    'meals.reprint': async ({ uuid }) =>
      printAndRecord(
        mealOrderView(ctx, elder(), uuid, true),
        `order ${uuid} (reprint)`,
        setMealPrintState,
      ),
    'meals.balances': () => {
      const who = elder();
      return {
        mealWalletFen: balance(deps.db, 'elder:meal-wallet', who.id),
        subsidyBalanceFen: balance(deps.db, 'elder:subsidy-balance', who.id),
      };
    },
    'services.catalogue': () => {
      refreshDemo();
      return serviceCatalogue(ctx, elder());
    },
    'services.slots': ({ serviceId }) => {
      elder();
      return serviceSlots(ctx, serviceId);
    },
    'services.quote': ({ slotId }) => quoteService(ctx, elder(), slotId).quote,
    'services.book': async (req) => {
      const booked = bookService(ctx, elder(), req);
      if (booked.printState === 'printed') return booked;
      return printAndRecord(booked, `booking ${booked.uuid}`, setBookingPrintState);
    },
    'services.myBookings': () => listBookings(ctx, elder()),
    'services.cancel': ({ uuid }) => cancelBooking(ctx, elder(), uuid),
    'services.reprint': async ({ uuid }) =>
      printAndRecord(
        bookingView(ctx, elder(), uuid, true),
        `booking ${uuid} (reprint)`,
        setBookingPrintState,
      ),
  };
}
