import type { TicketData } from '../../../contract/calls/ordering-calls';
import { STAFF, staffStation, type StaffStation } from '../staff/staff-fixture';

export { STAFF };

export interface CounterStation extends StaffStation {
  now: () => Date;
  /** signs the demo staff member in and, when given, assists that elder */
  counter(elderId?: string): Promise<void>;
}

/**
 * The staff fixture's demo station with a ticket printer the test supplies (fake: the PTY printer
 * is exercised in tests/integration/ordering) and a short print timeout.
 */
export function counterStation(printTicket: (t: TicketData) => Promise<void>): CounterStation {
  const station = staffStation({ printTicket, printTimeoutMs: 200 });
  return {
    ...station,
    now: () => station.clock.now,
    counter: async (elderId) => {
      await station.signIn();
      if (elderId) await station.call('staff.assist', { elderId });
    },
  };
}
