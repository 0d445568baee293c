import { join } from 'node:path';
import type { TicketData } from '../../../contract/calls/ordering-calls';
import type { CallName, CallPayload, CallValue } from '../../../contract/kiosk-api';
import { createDispatch, type Handlers } from '../../../main/api/dispatch';
import { defaultConfig } from '../../../main/config/load-config';
import { KioskCore } from '../../../main/core/kiosk-core';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { ensureDemoOrdering } from '../../../main/ordering/ordering-demo';
import { orderingHandlers } from '../../../main/ordering/ordering-handlers';
import { staffHandlers } from '../../../main/staff/staff-handlers';
import { openStationDatabase, type Db } from '../../../main/store/open-database';
import { makeTempDir } from '../../support/temp-dir';
import { TODAY, at } from './ordering-fixture';

export const STAFF = { uid: '5A000001', pin: '123456', id: 'staff-01' };

export interface CounterStation {
  db: Db;
  core: KioskCore;
  clock: { now: Date };
  now: () => Date;
  call<N extends CallName>(name: N, payload: CallPayload<N>): Promise<CallValue<N>>;
  /** the refusal as "code message"; throws when the call succeeded */
  refused(name: CallName, payload: unknown): Promise<string>;
  /** signs the demo staff member in and, when given, assists that elder */
  counter(elderId?: string): Promise<void>;
  close(): void;
}

/**
 * The demo station in a temp data dir with the ordering and staff handlers behind one dispatcher,
 * as the station has them, and a ticket printer the test supplies (fake: the PTY printer is
 * exercised in tests/integration/ordering).
 */
export function counterStation(printTicket: (t: TicketData) => Promise<void>): CounterStation {
  const temp = makeTempDir('yiyang-counter-');
  const db = openStationDatabase(join(temp.dir, 'station.db'));
  const clock = { now: at('08:30:00') };
  const now = (): Date => clock.now;
  seedDemoStation(db, TODAY);
  ensureDemoOrdering(db, TODAY, clock.now);
  const core = new KioskCore({ db, config: defaultConfig, now, log: () => undefined });
  const handlers = {
    ...orderingHandlers({
      db,
      elder: () => core.currentElder(),
      actor: () => core.actingStaffId(),
      now,
      config: defaultConfig,
      printTicket,
      printTimeoutMs: 200,
    }),
    ...staffHandlers({ core, now, printTicket }),
  };
  // Only the ordering and staff calls are exercised here; the rest is the station's.
  const dispatch = createDispatch(handlers as unknown as Handlers);
  const call = async <N extends CallName>(
    name: N,
    payload: CallPayload<N>,
  ): Promise<CallValue<N>> => {
    const r = await dispatch(name, payload);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as CallValue<N>;
  };
  return {
    db,
    core,
    clock,
    now,
    call,
    refused: async (name, payload) => {
      const r = await dispatch(name, payload);
      if (r.ok) throw new Error(`${name} was expected to be refused`);
      const issues = r.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
      return `${r.error.code} ${r.error.message}${issues ? ` (${issues})` : ''}`;
    },
    counter: async (elderId) => {
      core.cardTapped(STAFF.uid, 'test');
      await call('staff.pin', { pin: STAFF.pin });
      if (elderId) await call('staff.assist', { elderId });
    },
    close: () => {
      db.close();
      temp.remove();
    },
  };
}
