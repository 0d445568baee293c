import type { TicketData } from '../../contract/calls/ordering-calls';
import type { DeviceManager } from '../devices';

/**
 * Prints a ticket on the station's configured printer. Rejects when there is none or it fails, so
 * the order is kept and marked for a reprint rather than shown as printed.
 */
export function stationTicketPrinter(
  devices: DeviceManager,
): (ticket: TicketData) => Promise<void> {
  return async (ticket) => {
    const printer = devices.printer();
    if (!printer) throw new Error('no ticket printer is configured at this station');
    await printer.printTicket(ticket);
  };
}
