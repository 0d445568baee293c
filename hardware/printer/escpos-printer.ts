import { BaseDriver, DeviceError } from '../driver';
import { wakeableDelay } from '../wakeable-delay';
import { escpos } from './escpos';
import {
  openPrinterTransport,
  resolvePrinterPath,
  type PrinterTransport,
} from './printer-transport';
import { decodeStatus, isStatusByte, type PrinterStatus } from './printer-status';
import { encodeTicket, type Ticket } from './ticket';

export interface EscPosOptions {
  /** serial port, device file (/dev/usb/lp0) or tcp://host:9100 */
  path: string;
  baudRate?: number;
  /** how long to wait for a DLE EOT answer before deciding the printer does not answer */
  statusTimeoutMs?: number;
}

export interface PrintResult {
  /** bytes handed to the OS and drained: the ticket left the kiosk */
  bytesWritten: number;
  /** the printer's state before printing, or null where it does not answer DLE EOT */
  status: PrinterStatus | null;
}

/** What the ordering feature needs from a printer (the real one or the simulated one). */
export interface TicketPrinter {
  printTicket(ticket: Ticket): Promise<PrintResult>;
}

/**
 * An ESC/POS receipt printer. printTicket resolves only after every byte of the ticket was
 * written and drained; it rejects (and writes nothing) when the printer reports paper-out or
 * offline, and rejects when the write fails, so no ticket is ever reported printed that was not.
 */
export class EscPosPrinter extends BaseDriver implements TicketPrinter {
  readonly kind = 'printer' as const;
  private transport: PrinterTransport | null = null;
  private replies: number[] = [];
  private replyWaiter: (() => void) | null = null;
  /** false once a status query went unanswered on this connection (many USB printers never answer) */
  private answers = true;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EscPosOptions) {
    super(`escpos:${options.path}`);
  }

  async open(): Promise<void> {
    if (this.transport) return;
    this.setStatus('opening');
    try {
      const target = await resolvePrinterPath(this.options.path);
      this.transport = await openPrinterTransport(target, this.options.baudRate ?? 9600);
    } catch (error) {
      const e =
        error instanceof DeviceError
          ? error
          : new DeviceError('OPEN_FAILED', String(error), true, { cause: error });
      this.setStatus('failed', e.message);
      throw e;
    }
    const transport = this.transport;
    this.answers = transport.onData !== null;
    transport.onData?.((chunk) => {
      this.counters.bytesIn += chunk.length;
      for (const b of chunk) if (isStatusByte(b)) this.replies.push(b);
      this.replyWaiter?.();
    });
    transport.onLost((reason) => this.lost(transport, reason));
    this.setStatus('open');
  }

  async close(): Promise<void> {
    const transport = this.transport;
    this.transport = null;
    this.replyWaiter?.();
    await transport?.close();
    this.setStatus('closed');
  }

  /** The printer's state, or null when it does not answer DLE EOT (or cannot, on a device file). */
  async queryStatus(): Promise<PrinterStatus | null> {
    const transport = this.connected();
    if (!this.answers) return null;
    const printer = await this.ask(transport, 1);
    if (printer === null) {
      this.answers = false;
      return null;
    }
    const cause = (await this.ask(transport, 2)) ?? 0x12;
    const paper = (await this.ask(transport, 4)) ?? 0x12;
    return decodeStatus(printer, cause, paper);
  }

  /** Prints one ticket; tickets are printed one after another, never interleaved. */
  printTicket(ticket: Ticket): Promise<PrintResult> {
    const bytes = encodeTicket(ticket);
    const job = this.queue.then(() => this.print(bytes));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async print(bytes: Buffer): Promise<PrintResult> {
    const transport = this.connected();
    const status = await this.queryStatus();
    if (status && status.paperOut) {
      throw this.refuse('PAPER_OUT', 'out of paper');
    }
    if (status && !status.online) {
      throw this.refuse('OFFLINE', status.coverOpen ? 'the cover is open' : 'it is offline');
    }
    try {
      await transport.write(bytes);
    } catch (error) {
      const e = new DeviceError(
        'WRITE_FAILED',
        `${this.name}: write failed: ${String(error)}`,
        true,
      );
      this.lost(transport, e.message);
      throw e;
    }
    this.counters.framesOk += 1;
    this.setStatus('open', status?.paperNearEnd ? 'paper near end' : null);
    return { bytesWritten: bytes.length, status };
  }

  /** A refused job is also reported as an error, so the staff screen shows why printing stopped. */
  private refuse(code: 'PAPER_OUT' | 'OFFLINE', why: string): DeviceError {
    const error = new DeviceError(code, `${this.name}: ${why}; nothing was printed`, false);
    this.setStatus('open', why);
    this.reportError(error);
    return error;
  }

  private connected(): PrinterTransport {
    if (!this.transport) {
      throw new DeviceError(
        'DISCONNECTED',
        `${this.name} is not connected; nothing was printed`,
        false,
      );
    }
    return this.transport;
  }

  private async ask(transport: PrinterTransport, n: 1 | 2 | 4): Promise<number | null> {
    this.replies = [];
    await transport.write(escpos.statusQuery(n));
    const deadline = Date.now() + (this.options.statusTimeoutMs ?? 300);
    while (this.replies.length === 0 && this.transport === transport) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      const delay = wakeableDelay(left);
      this.replyWaiter = delay.wake;
      await delay.done;
      this.replyWaiter = null;
    }
    return this.replies.shift() ?? null;
  }

  private lost(transport: PrinterTransport, reason: string): void {
    if (this.transport !== transport) return;
    this.transport = null;
    void transport.close();
    this.setStatus('failed', reason);
    this.reportError(new DeviceError('DISCONNECTED', `${this.name}: ${reason}`, true));
  }
}
