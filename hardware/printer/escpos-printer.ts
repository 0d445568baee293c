import { BaseDriver, DeviceError } from '../driver';
import { wakeableDelay } from '../wakeable-delay';
import { escpos } from './escpos';
import {
  openPrinterTransport,
  resolvePrinterPath,
  type DeviceLink,
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
  /** a device-file write not finished in this long fails as WRITE_FAILED (default 5 s) */
  writeTimeoutMs?: number;
  /**
   * how to write to a device path; found from the path when absent (/dev/usb/lp* is a device
   * file, other character devices are serial ports). Tests force 'file' on a PTY, since no usblp
   * device exists here.
   */
  link?: DeviceLink;
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
 *
 * Status (DLE EOT) where the link can answer: a printer that has answered once is expected to
 * answer always, so its silence is OFFLINE (switched off, cable out) and the ticket is refused;
 * and its answer after the ticket confirms the ticket reached it (on TCP a successful write only
 * means the kernel took the bytes). A printer that has never answered is asked once per connection
 * and then printed to blind: many cheap printers never answer, and they must still print.
 */
export class EscPosPrinter extends BaseDriver implements TicketPrinter {
  readonly kind = 'printer' as const;
  private transport: PrinterTransport | null = null;
  private replies: number[] = [];
  private replyWaiter: (() => void) | null = null;
  /** this printer has answered DLE EOT (on any connection): from then on silence means offline */
  private answered = false;
  /** this connection was asked and stayed silent while the printer had never answered: blind */
  private blind = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EscPosOptions) {
    super(`escpos:${options.path}`);
  }

  async open(): Promise<void> {
    if (this.transport) return;
    this.setStatus('opening');
    try {
      const target = await resolvePrinterPath(this.options.path, this.options.link);
      this.transport = await openPrinterTransport(
        target,
        this.options.baudRate ?? 9600,
        this.options.writeTimeoutMs,
      );
    } catch (error) {
      const e =
        error instanceof DeviceError
          ? error
          : new DeviceError('OPEN_FAILED', String(error), true, { cause: error });
      this.setStatus('failed', e.message);
      throw e;
    }
    const transport = this.transport;
    this.blind = transport.onData === null;
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

  /**
   * The printer's state, or null when it did not answer DLE EOT (or cannot, on a device file).
   * Not asked again on a connection where a printer that never answered stayed silent.
   */
  async queryStatus(): Promise<PrinterStatus | null> {
    const transport = this.connected();
    if (this.blind) return null;
    const printer = await this.ask(transport, 1);
    if (printer === null) {
      if (!this.answered) this.blind = true;
      return null;
    }
    this.answered = true;
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
    if (status === null && this.answered) {
      throw this.refuse(
        'OFFLINE',
        'it did not answer the status query (switched off, or cable out?)',
      );
    }
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
        `${this.name}: write failed: ${error instanceof Error ? error.message : String(error)}; ` +
          'the ticket was not printed',
        true,
      );
      this.lost(transport, e.message);
      throw e;
    }
    if (status) await this.confirmReceived(transport);
    this.counters.framesOk += 1;
    this.setStatus('open', status?.paperNearEnd ? 'paper near end' : null);
    return { bytesWritten: bytes.length, status };
  }

  /**
   * A printer that answers is asked once more after the ticket: the answer comes only once the
   * bytes before it have reached the printer (serial and TCP keep order), and says it is still
   * online. Without it the ticket is not reported printed.
   */
  private async confirmReceived(transport: PrinterTransport): Promise<void> {
    const after = await this.ask(transport, 1);
    const why =
      after === null
        ? 'the ticket was sent but the printer did not confirm it (switched off while printing?)'
        : (after & 0x08) !== 0
          ? 'the printer went offline while printing (paper out or cover open?)'
          : null;
    if (why === null) return;
    const error = new DeviceError(
      'OFFLINE',
      `${this.name}: ${why}; it may not have printed`,
      false,
    );
    this.setStatus('open', why);
    this.reportError(error);
    throw error;
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
