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
import { TODAY, at } from '../ordering/ordering-fixture';

export { TODAY, at };

/** The demo staff card and PIN, and the supervisor's (docs/staff.md). */
export const STAFF = { uid: '5A000001', pin: '123456', id: 'staff-01' };
export const SUPERVISOR = { uid: '5A000002', pin: '654321', id: 'staff-02' };

export interface StaffStation {
  db: Db;
  dir: string;
  core: KioskCore;
  clock: { now: Date };
  printed: TicketData[];
  logs: string[];
  call<N extends CallName>(name: N, payload: CallPayload<N>): Promise<CallValue<N>>;
  /** the refusal as "code message (field: issue)", or throws when the call succeeded */
  refused(name: CallName, payload: unknown): Promise<string>;
  signIn(who?: { uid: string; pin: string }): Promise<void>;
  close(): void;
}

/**
 * The demo station in a temp data dir (so the PIN pepper is a real 0600 file) on the ordering
 * fixture's day, with the staff and ordering handlers behind one dispatcher, as the station has.
 */
export function staffStation(
  options: {
    idleMs?: number;
    maxMs?: number;
    /** the ticket printer; by default one that keeps what it printed in `printed` */
    printTicket?: (t: TicketData) => Promise<void>;
    printTimeoutMs?: number;
  } = {},
): StaffStation {
  const { printTicket: givenPrinter, printTimeoutMs, ...sessionLimits } = options;
  const temp = makeTempDir('yiyang-staff-');
  const db = openStationDatabase(join(temp.dir, 'station.db'));
  const clock = { now: at('08:30:00') };
  const now = (): Date => clock.now;
  seedDemoStation(db, TODAY);
  ensureDemoOrdering(db, TODAY, clock.now);
  const logs: string[] = [];
  const log = (line: string): void => void logs.push(line);
  const core = new KioskCore({ db, config: defaultConfig, now, log });
  const printed: TicketData[] = [];
  const printTicket =
    givenPrinter ?? (async (t: TicketData): Promise<void> => void printed.push(t));
  const handlers = {
    ...orderingHandlers({
      db,
      elder: () => core.currentElder(),
      actor: () => core.actingStaffId(),
      now,
      config: defaultConfig,
      printTicket,
      ...(printTimeoutMs !== undefined ? { printTimeoutMs } : {}),
    }),
    ...staffHandlers({ core, now, printTicket, log, ...sessionLimits }),
  };
  // Only the ordering and staff calls are exercised here; the rest is the station's.
  const dispatch = createDispatch(handlers as unknown as Handlers, log);
  const call = async <N extends CallName>(
    name: N,
    payload: CallPayload<N>,
  ): Promise<CallValue<N>> => {
    const r = await dispatch(name, payload);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as CallValue<N>;
  };
  const refused = async (name: CallName, payload: unknown): Promise<string> => {
    const r = await dispatch(name, payload);
    if (r.ok) throw new Error(`${name} was expected to be refused`);
    const issues = r.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
    return `${r.error.code} ${r.error.message}${issues ? ` (${issues})` : ''}`;
  };
  return {
    db,
    dir: temp.dir,
    core,
    clock,
    printed,
    logs,
    call,
    refused,
    signIn: async (who = STAFF) => {
      core.cardTapped(who.uid, 'test');
      const s = await call('staff.pin', { pin: who.pin });
      if (s.kind !== 'staff') throw new Error(`sign-in failed: ${s.kind}`);
    },
    close: () => {
      db.close();
      temp.remove();
    },
  };
}

export const outboxRows = (db: Db, type: string): Record<string, unknown>[] =>
  (
    db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY seq').all(type) as {
      payload: string;
    }[]
  ).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
