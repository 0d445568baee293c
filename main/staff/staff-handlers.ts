import type { counterCalls } from '../../contract/calls/counter-calls';
import type { staffCalls } from '../../contract/calls/staff-calls';
import type { TicketData } from '../../contract/calls/ordering-calls';
import type { StaffView } from '../../contract/views';
import { ApiRefusal, type Handlers } from '../api/dispatch';
import { shanghaiDate, shanghaiIso } from '../clock';
import type { KioskCore } from '../core/kiosk-core';
import { isDemoStation } from '../demo/seed-demo-station';
import { dayReport, reportCsv, reportTicket } from './day-report';
import { seedDemoStaff } from './demo-staff';
import { counterHandlers } from './counter-handlers';
import { bindCard, elderCards, replaceCard, reportCardLost } from './elder-cards';
import { findElderById, findElders } from './elder-search';
import { healthView, resolveDeadLetter, retryDeadLetter } from './health';
import { dataDirOf, loadPepper } from './pepper';
import { StaffSessionTimer } from './staff-session-timer';
import { checkPin, listStaff, resetStaffPin, StaffRefusal } from './staff-repo';
import { markFulfilled, todayView } from './today-lists';

export interface StaffDeps {
  core: KioskCore;
  now?: () => Date;
  /** prints the end-of-day report; rejects when the printer fails */
  printTicket: (ticket: TicketData) => Promise<void>;
  /** where the PIN pepper lives; defaults to the database's folder (the data dir) */
  dataDir?: string | null;
  /** for tests: shorter session clocks */
  idleMs?: number;
  maxMs?: number;
  log?: (line: string) => void;
}

type StaffCallName = keyof typeof staffCalls | keyof typeof counterCalls;
export type StaffHandlers = Pick<Handlers, StaffCallName>;

/** Turns an expected refusal into the `{ok:false}` envelope; everything else stays a bug. */
function guard<A extends unknown[], R>(fn: (...a: A) => R): (...a: A) => R {
  return (...a) => {
    try {
      return fn(...a);
    } catch (error) {
      if (error instanceof StaffRefusal)
        throw new ApiRefusal(error.reason === 'not-found' ? 'not-found' : 'refused', error.message);
      throw error;
    }
  };
}

/**
 * The staff console's KioskApi handlers (issue 8), spread into the station's dispatcher. They own
 * the staff session's clocks: 30 minutes without a staff call, or 12 hours after the PIN, and the
 * console is gone (the elder screens come back).
 */
export function staffHandlers(deps: StaffDeps): StaffHandlers {
  const { core } = deps;
  const db = core.db;
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? (() => undefined);
  const pepper = loadPepper(deps.dataDir !== undefined ? deps.dataDir : dataDirOf(db));
  if (isDemoStation(db)) seedDemoStaff(db, now());

  let sessionId: string | null = null;
  const timer = new StaffSessionTimer(
    (why) => {
      const s = core.session();
      if (s.kind === 'staff' && s.sessionId === sessionId) {
        log(`staff session ended: ${why}`);
        core.endSession();
      }
    },
    deps.idleMs,
    deps.maxMs,
  );
  core.events.on('session', (s) => {
    if (s.kind !== 'staff') {
      timer.stop();
      sessionId = null;
    }
  });

  /** The signed-in staff member; each call through here counts as activity. */
  const staff = (): StaffView => {
    const s = core.session();
    if (s.kind !== 'staff')
      throw new StaffRefusal('no-staff-session', 'no staff member is signed in');
    timer.touch();
    return s.staff;
  };
  const at = (): string => shanghaiIso(now());
  const today = (): string => shanghaiDate(now());
  const act = (elderId: string): { staffId: string; elderId: string; at: string } => ({
    staffId: staff().id,
    elderId,
    at: at(),
  });
  const report = (date: string | undefined) =>
    dayReport(db, date ?? today(), core.config.station.id);
  const health = () => healthView(db, core.deviceStatuses(), now());

  return {
    'staff.pin': guard(({ pin }) => {
      const s = core.session();
      if (s.kind !== 'staff-pin')
        throw new StaffRefusal('no-staff-session', 'tap a staff card before the PIN');
      const result = checkPin(db, pepper, s.staff.id, pin, at());
      if (!result.ok) {
        log(result.locked ? 'staff PIN refused: locked' : 'staff PIN refused');
        return core.staffPinFailed(s.staff, result.attemptsLeft, result.locked);
      }
      const next = core.startStaffSession(result.staff);
      sessionId = next.kind === 'staff' ? next.sessionId : null;
      timer.start();
      log('staff session started');
      return next;
    }),
    'staff.touch': guard(() => {
      staff();
      return core.session();
    }),
    'staff.signOut': () => core.endSession(),
    'staff.list': guard(() => {
      staff();
      return listStaff(db);
    }),
    'staff.resetPin': guard(({ staffId, newPin }) =>
      resetStaffPin(db, pepper, { supervisorId: staff().id, staffId, newPin }, at()),
    ),
    'staff.findElders': guard(({ query }) => {
      staff();
      return findElders(db, query, today());
    }),
    'staff.assist': guard(({ elderId }) => {
      staff();
      if (elderId === null) return core.assistElder(null);
      const elder = findElderById(db, elderId);
      if (!elder) throw new StaffRefusal('not-found', `no elder ${elderId}`);
      return core.assistElder(elder);
    }),
    'staff.elderCards': guard(({ elderId }) => {
      staff();
      return elderCards(db, elderId);
    }),
    'staff.bindCard': guard(({ elderId, uid }) => bindCard(db, uid, act(elderId))),
    'staff.reportLost': guard(({ elderId, uid }) => reportCardLost(db, uid, act(elderId))),
    'staff.replaceCard': guard(({ elderId, oldUid, newUid }) =>
      replaceCard(db, oldUid, newUid, act(elderId)),
    ),
    'staff.today': guard(() => {
      staff();
      return todayView(db, today());
    }),
    'staff.markServed': guard(({ orderUuid, state }) => {
      markFulfilled(db, orderUuid, state, staff().id, at());
      return todayView(db, today());
    }),
    // Reprints, cash and top-ups: main/staff/counter-handlers.ts (issue 5's part of the console).
    ...counterHandlers({
      core,
      now,
      staff,
      today,
      printing: { printTicket: deps.printTicket, log },
    }),
    'staff.health': guard(() => {
      staff();
      return health();
    }),
    'staff.retryDeadLetter': guard(({ uuid }) => {
      retryDeadLetter(db, uuid, staff().id, at());
      return health();
    }),
    'staff.resolveDeadLetter': guard(({ uuid }) => {
      resolveDeadLetter(db, uuid, staff().id, at());
      return health();
    }),
    'staff.report': guard(({ date }) => {
      staff();
      return report(date);
    }),
    'staff.printReport': guard(async ({ date }) => {
      staff();
      try {
        await deps.printTicket(reportTicket(report(date), core.config.station.name));
        return { printed: true, error: null };
      } catch (error) {
        return { printed: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
    'staff.reportCsv': guard(({ date }) => {
      staff();
      const r = report(date);
      return { filename: `yiyang-${r.stationId}-${r.date}.csv`, csv: reportCsv(r) };
    }),
  };
}
