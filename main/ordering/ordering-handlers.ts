import type { PrintState, TicketData } from '../../contract/calls/ordering-calls';
import type { orderingCalls } from '../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../contract/elder';
import { findPack } from '../../policies/registry';
import type { PolicyPack } from '../../policies/schema';
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
  mealOrderForReprint,
  placeMealOrder,
  setMealPrintState,
} from './meal-orders';
import { ensureDemoOrdering } from './ordering-demo';
import type { OrderingContext } from './ordering-context';
import { refuse } from './refusal';
import { printAndRecord, type TicketPrinting } from './ticket-printing';
import {
  bookService,
  bookingForReprint,
  cancelBooking,
  listBookings,
  quoteService,
  serviceCatalogue,
  slotChoices,
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
  /** the station's pack as in use now (main/boot/station-pack.ts); the shipped one if absent */
  pack?: () => PolicyPack;
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
    // Read at each use: a pack pulled from the platform prices the next order with no restart.
    get pack() {
      return deps.pack ? deps.pack() : findPack(deps.config.station.policyPack);
    },
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

  const printing: TicketPrinting = {
    printTicket: deps.printTicket,
    log,
    ...(deps.printTimeoutMs !== undefined ? { printTimeoutMs: deps.printTimeoutMs } : {}),
  };
  const mealPrinted = (uuid: string, state: PrintState): void =>
    setMealPrintState(ctx, uuid, state);
  const bookingPrinted = (uuid: string, state: PrintState): void =>
    setBookingPrintState(ctx, uuid, state);

  return {
    'meals.menu': ({ date }) => (date ? menuFor(ctx, elder(), date) : orderableMenu(ctx, elder())),
    'meals.quote': (choice) => quoteMeal(ctx, elder(), choice).quote,
    'meals.order': async (req) => {
      const placed = placeMealOrder(ctx, elder(), req);
      if (placed.printState === 'printed') return placed; // a retried call: printed already
      return printAndRecord(printing, placed, `order ${placed.uuid}`, mealPrinted);
    },
    'meals.myOrders': () => listMealOrders(ctx, elder(), shanghaiDate(deps.now())),
    'meals.cancel': ({ uuid }) => cancelMealOrder(ctx, elder(), uuid),
    'meals.reprint': async ({ uuid }) =>
      printAndRecord(
        printing,
        mealOrderForReprint(ctx, elder(), uuid),
        `order ${uuid} (reprint)`,
        mealPrinted,
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
    'services.slots': ({ serviceId }) => slotChoices(ctx, elder(), serviceId),
    'services.quote': ({ slotId }) => quoteService(ctx, elder(), slotId).quote,
    'services.book': async (req) => {
      const booked = bookService(ctx, elder(), req);
      if (booked.printState === 'printed') return booked;
      return printAndRecord(printing, booked, `booking ${booked.uuid}`, bookingPrinted);
    },
    'services.myBookings': () => listBookings(ctx, elder()),
    'services.cancel': ({ uuid }) => cancelBooking(ctx, elder(), uuid),
    'services.reprint': async ({ uuid }) =>
      printAndRecord(
        printing,
        bookingForReprint(ctx, elder(), uuid),
        `booking ${uuid} (reprint)`,
        bookingPrinted,
      ),
  };
}
