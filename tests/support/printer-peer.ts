import iconv from 'iconv-lite';
import { encodeStatus, type PrinterStatus } from '../../hardware/printer/printer-status';
import { SerialPeer } from '../hardware/support/serial-peer';

export const PRINTER_OK: PrinterStatus = {
  online: true,
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
};
export const PAPER_OUT: PrinterStatus = { ...PRINTER_OK, paperOut: true };

/**
 * The far end of a PTY pair playing an ESC/POS receipt printer: it answers every DLE EOT status
 * query with the status it is set to, so a test can run out of paper (the kiosk's driver then
 * refuses the job and prints nothing) and put paper back, through the real serial code.
 */
export class PrinterPeer {
  status: PrinterStatus = PRINTER_OK;
  private scanned = 0;

  private constructor(private readonly peer: SerialPeer) {
    peer.onData(() => this.answer());
  }

  static async open(path: string): Promise<PrinterPeer> {
    return new PrinterPeer(await SerialPeer.open(path));
  }

  /** Everything received, decoded as GB18030 (the ticket's text among the ESC/POS commands). */
  text(): string {
    return iconv.decode(this.peer.bytes(), 'gb18030');
  }

  async waitForText(part: string, timeoutMs = 10_000): Promise<void> {
    await this.peer.waitFor((all) => iconv.decode(all, 'gb18030').includes(part), timeoutMs);
  }

  close(): Promise<void> {
    return this.peer.close();
  }

  private answer(): void {
    const all = this.peer.bytes();
    // DLE EOT n: answer each query once, from where the last scan stopped.
    for (; this.scanned + 2 < all.length; this.scanned += 1) {
      if (all[this.scanned] !== 0x10 || all[this.scanned + 1] !== 0x04) continue;
      const n = all[this.scanned + 2];
      const [printer, cause, paper] = encodeStatus(this.status);
      void this.peer.write(Buffer.from([n === 1 ? printer : n === 2 ? cause : paper]));
      this.scanned += 2;
    }
  }
}
