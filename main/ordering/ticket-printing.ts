import type { PrintState, TicketData } from '../../contract/calls/ordering-calls';

/** How a station prints: the printer call, how long to wait for it, and where failures are told. */
export interface TicketPrinting {
  /** prints one ticket; rejects when the printer fails */
  printTicket: (ticket: TicketData) => Promise<void>;
  /** a printer that never answers must not hold the elder's screen (default 15 s) */
  printTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Prints one ticket and says how it went. Never throws: a committed record stands whatever the
 * printer does, and a failed or hung print is logged and answered as 'failed'.
 */
export async function printTicketWithin(
  printing: TicketPrinting,
  ticket: TicketData,
  what: string,
): Promise<PrintState> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      printing.printTicket(ticket),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the printer did not answer in time')),
          printing.printTimeoutMs ?? 15_000,
        );
      }),
    ]);
    return 'printed';
  } catch (error) {
    printing.log?.(
      `ticket for ${what} not printed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Prints a committed record's ticket and keeps the outcome on the record, so staff can see and
 * reprint it from the counter. Call only after the record's transaction has returned.
 */
export async function printAndRecord<
  V extends { uuid: string; ticket: TicketData; printState: PrintState },
>(
  printing: TicketPrinting,
  view: V,
  what: string,
  setPrintState: (uuid: string, state: PrintState) => void,
): Promise<V> {
  const state = await printTicketWithin(printing, view.ticket, what);
  setPrintState(view.uuid, state);
  return { ...view, printState: state };
}
