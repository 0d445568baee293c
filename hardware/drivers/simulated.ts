import { BaseDriver, DeviceError, type ButtonName } from '../driver';
import type { PrintResult, TicketPrinter } from '../printer/escpos-printer';
import { encodeTicket, type Ticket } from '../printer/ticket';

/**
 * Simulated twins of the real drivers: same interface, no hardware. The demo tray is the
 * simulated card reader (the core calls tap), and tests and demos use the others.
 */
abstract class SimulatedDriver extends BaseDriver {
  async open(): Promise<void> {
    this.setStatus('open', 'simulated');
  }

  async close(): Promise<void> {
    this.setStatus('closed');
  }

  protected get isOpen(): boolean {
    return this.status.state === 'open';
  }
}

export class SimulatedCardReader extends SimulatedDriver {
  readonly kind = 'card-reader' as const;

  constructor(name = 'simulated') {
    super(name);
  }

  /** A card tapped on the simulated reader; ignored while closed, like a reader unplugged. */
  tap(uid: string): boolean {
    if (!this.isOpen || !/^[0-9A-Fa-f]{2,40}$/.test(uid)) return false;
    this.counters.framesOk += 1;
    this.emit('card', uid.toUpperCase());
    return true;
  }
}

export class SimulatedButtons extends SimulatedDriver {
  readonly kind = 'buttons' as const;

  constructor(name = 'simulated-buttons') {
    super(name);
  }

  press(button: ButtonName): boolean {
    if (!this.isOpen) return false;
    this.counters.framesOk += 1;
    this.emit('button', button);
    return true;
  }
}

export class SimulatedPrinter extends SimulatedDriver implements TicketPrinter {
  readonly kind = 'printer' as const;
  readonly printed: Ticket[] = [];
  paperOut = false;

  constructor(name = 'simulated-printer') {
    super(name);
  }

  async printTicket(ticket: Ticket): Promise<PrintResult> {
    if (!this.isOpen) throw new DeviceError('DISCONNECTED', `${this.name} is not connected`, false);
    if (this.paperOut) throw new DeviceError('PAPER_OUT', `${this.name}: out of paper`, false);
    const bytes = encodeTicket(ticket);
    this.printed.push(ticket);
    return {
      bytesWritten: bytes.length,
      status: { online: true, paperOut: false, paperNearEnd: false, coverOpen: false },
    };
  }
}
