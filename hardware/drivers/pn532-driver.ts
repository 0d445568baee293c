import type { SerialPort } from 'serialport';
import { BaseDriver, DeviceError } from '../driver';
import { CMD } from '../framing/pn532-frame';
import { openSerialPort, releasePort } from '../serial/open-serial-port';
import { watchPresence } from '../serial/presence-watch';
import { wakeableDelay } from '../wakeable-delay';
import { Pn532Link, type Pn532Timing } from './pn532-link';

export interface Pn532Options {
  path: string;
  /** HSU default of the PN532 */
  baudRate?: number;
  /** pause between two InListPassiveTarget polls */
  pollIntervalMs?: number;
  timing?: Partial<Pn532Timing>;
  /** failed exchanges in a row before the module is declared silent and re-initialised */
  maxFailures?: number;
  /** first pause between re-initialisation attempts; doubles up to 5 s */
  reinitDelayMs?: number;
}

const DEFAULT_TIMING: Pn532Timing = { ackTimeoutMs: 150, responseTimeoutMs: 1000 };

/**
 * PN532 NFC module on a UART (HSU): ISO 14443A cards (Mifare, CPU cards). Initialises the chip
 * (wake-up, SAMConfiguration normal mode, a single passive-activation retry so polls return at
 * once when no card is there), then polls InListPassiveTarget. A card is reported when it appears,
 * not on every poll while it lies on the reader. If the module stops answering it is marked
 * not-responding and initialised again, with growing pauses, until it answers.
 */
export class Pn532Driver extends BaseDriver {
  readonly kind = 'card-reader' as const;
  private port: SerialPort | null = null;
  private link: Pn532Link | null = null;
  private loop: Promise<void> | null = null;
  private running = false;
  private present: string | null = null;
  private stopWatching: (() => void) | null = null;
  /** resolves the pause between polls early when the driver closes */
  private wake: (() => void) | null = null;
  firmware: string | null = null;

  constructor(private readonly options: Pn532Options) {
    super(`pn532:${options.path}`);
  }

  async open(): Promise<void> {
    if (this.port) return;
    this.setStatus('opening');
    let port: SerialPort;
    try {
      port = await openSerialPort(this.options.path, this.options.baudRate ?? 115200);
    } catch (error) {
      const e =
        error instanceof DeviceError ? error : new DeviceError('OPEN_FAILED', String(error), true);
      this.setStatus('failed', e.message);
      throw e;
    }
    this.port = port;
    const link = new Pn532Link(
      port,
      { ...DEFAULT_TIMING, ...this.options.timing },
      (n) => (this.counters.bytesIn += n),
      (reason) => {
        this.counters.framesBad += 1;
        this.reportError(new DeviceError('BAD_FRAME', `${this.name}: ${reason}`, false));
      },
    );
    this.link = link;
    port.on('error', (error: Error) => this.lost(error.message));
    port.on('close', () => this.lost('the port was closed by the system (unplugged?)'));
    try {
      await this.initialise(link);
    } catch (error) {
      await this.close();
      const silentModule =
        error instanceof DeviceError && error.code === 'NOT_RESPONDING'
          ? new DeviceError(
              'NOT_RESPONDING',
              `${this.name}: no answer from a PN532 at ${this.options.baudRate ?? 115200} baud: ` +
                'check TX/RX wiring, the module switches set to HSU (UART), and the baud rate',
              true,
            )
          : error;
      this.setStatus('failed', silentModule instanceof Error ? silentModule.message : null);
      throw silentModule;
    }
    this.running = true;
    this.stopWatching = await watchPresence(this.options.path, (reason) => this.lost(reason));
    this.setStatus('open', this.firmware);
    this.loop = this.pollLoop(link);
  }

  async close(): Promise<void> {
    this.stopWatching?.();
    this.stopWatching = null;
    this.running = false;
    this.wake?.();
    this.link?.close();
    await this.loop;
    this.loop = null;
    const port = this.port;
    this.port = null;
    this.link = null;
    if (port) await releasePort(port);
    this.setStatus('closed');
  }

  private async initialise(link: Pn532Link): Promise<void> {
    link.awake = false;
    this.present = null;
    // SAMConfiguration first: it is what the wake-up preamble must be followed by
    await link.command(CMD.SAMConfiguration, [0x01, 0x14, 0x01]);
    const fw = await link.command(CMD.GetFirmwareVersion, []);
    this.firmware = fw[0] === 0x32 ? `PN532 firmware ${fw[1] ?? 0}.${fw[2] ?? 0}` : null;
    // RFConfiguration item 5 (MaxRetries): ATR 0xFF, PSL 0x01, passive activation 0x01
    await link.command(CMD.RFConfiguration, [0x05, 0xff, 0x01, 0x01]);
  }

  private async pollLoop(link: Pn532Link): Promise<void> {
    const maxFailures = this.options.maxFailures ?? 2;
    let failures = 0;
    while (this.running) {
      try {
        const reply = await link.command(CMD.InListPassiveTarget, [0x01, 0x00]);
        failures = 0;
        this.onTargets(reply);
      } catch (error) {
        if (!this.running) break;
        const e =
          error instanceof DeviceError ? error : new DeviceError('BAD_FRAME', String(error), false);
        if (e.code === 'DISCONNECTED') break;
        failures += 1;
        if (e.code === 'NOT_RESPONDING' && failures >= maxFailures) {
          await this.reinitialise(link);
          failures = 0;
          continue;
        }
        this.reportError(e);
      }
      await this.pause(this.options.pollIntervalMs ?? 150);
    }
  }

  /** InListPassiveTarget answer: NbTg, then per target Tg, SENS_RES(2), SEL_RES, NFCIDLength, NFCID1. */
  private onTargets(reply: Buffer): void {
    const count = reply[0] ?? 0;
    if (count === 0) {
      this.present = null;
      return;
    }
    const idLength = reply[5] ?? 0;
    const id = reply.subarray(6, 6 + idLength);
    if (![4, 7, 10].includes(idLength) || id.length !== idLength) {
      this.counters.framesBad += 1;
      this.reportError(
        new DeviceError('BAD_FRAME', `${this.name}: target with a ${idLength}-byte UID`, false),
      );
      return;
    }
    this.counters.framesOk += 1;
    const uid = id.toString('hex').toUpperCase();
    if (uid === this.present) return;
    this.present = uid;
    this.emit('card', uid);
  }

  private async reinitialise(link: Pn532Link): Promise<void> {
    this.setStatus('not-responding', 're-initialising the PN532');
    this.reportError(
      new DeviceError(
        'NOT_RESPONDING',
        `${this.name}: module stopped answering; re-initialising`,
        false,
      ),
    );
    let delay = this.options.reinitDelayMs ?? 200;
    while (this.running) {
      try {
        await link.abort();
        await this.initialise(link);
        this.setStatus('open', this.firmware);
        return;
      } catch {
        await this.pause(delay);
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  private async pause(ms: number): Promise<void> {
    if (!this.running) return;
    const delay = wakeableDelay(ms);
    this.wake = delay.wake;
    await delay.done;
    this.wake = null;
  }

  private lost(reason: string): void {
    if (!this.port || !this.running) return;
    this.running = false;
    this.link?.close();
    this.wake?.();
    this.setStatus('failed', reason);
    this.reportError(new DeviceError('DISCONNECTED', `${this.name}: ${reason}`, true));
  }
}
