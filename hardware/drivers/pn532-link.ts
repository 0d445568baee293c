import type { SerialPort } from 'serialport';
import { DeviceError } from '../driver';
import { ACK, NACK, TFI_HOST, TFI_PN532, WAKE_UP, encodePn532Frame } from '../framing/pn532-frame';
import { Pn532Framer, type Pn532Frame } from '../framing/pn532-framer';
import { writeAndDrain } from '../serial/open-serial-port';
import { wakeableDelay } from '../wakeable-delay';

type Incoming = Pn532Frame | { type: 'rejected'; reason: string };

export interface Pn532Timing {
  /** the PN532 acknowledges a well-formed command within a few ms; wait this long for it */
  ackTimeoutMs: number;
  /** InListPassiveTarget with MxRtyPassiveActivation = 1 answers well inside this */
  responseTimeoutMs: number;
}

/** How many times a command is re-sent after a NACK, and a response re-requested after a bad frame. */
const RETRIES = 2;

/**
 * One command/response exchange at a time with a PN532 over HSU: send the frame, wait for ACK
 * (re-send on NACK), wait for the response (ask again with NACK when it arrives corrupted).
 * Throws DeviceError NOT_RESPONDING when the chip stays silent.
 */
export class Pn532Link {
  private readonly framer = new Pn532Framer();
  private readonly inbox: Incoming[] = [];
  private waiter: (() => void) | null = null;
  private closed = false;
  /** set once the chip has answered since wake-up; the wake-up preamble is sent until then */
  awake = false;

  constructor(
    private readonly port: SerialPort,
    private readonly timing: Pn532Timing,
    private readonly onBytes: (n: number) => void,
    private readonly onBadFrame: (reason: string) => void,
  ) {
    this.framer.on('data', (frame: Pn532Frame) => this.deliver(frame));
    this.framer.on('reject', (reason: string) => {
      this.onBadFrame(reason);
      this.deliver({ type: 'rejected', reason });
    });
    port.on('data', (chunk: Buffer) => {
      this.onBytes(chunk.length);
      this.framer.write(chunk);
    });
  }

  /** Sends command `code` with `params`; resolves with the response data after the response code. */
  async command(code: number, params: number[]): Promise<Buffer> {
    const frame = encodePn532Frame(TFI_HOST, Uint8Array.from([code, ...params]));
    this.inbox.length = 0;
    await this.sendUntilAcked(frame, code);
    for (let attempt = 0; attempt <= RETRIES; attempt += 1) {
      const reply = await this.next(this.timing.responseTimeoutMs);
      if (reply === null) throw silent(code, 'response');
      if (reply.type === 'frame' && reply.tfi === TFI_PN532 && reply.data[0] === code + 1) {
        this.awake = true;
        return reply.data.subarray(1);
      }
      if (reply.type === 'error') {
        throw new DeviceError(
          'BAD_FRAME',
          `PN532 reported a syntax error for 0x${hex(code)}`,
          false,
        );
      }
      // a corrupted response (or a stray ACK): the manual's remedy is a NACK, which makes the
      // PN532 send its last response again
      if (reply.type === 'rejected' || reply.type === 'frame') await this.write(NACK);
    }
    throw new DeviceError('BAD_FRAME', `no valid response to 0x${hex(code)} after NACKs`, false);
  }

  private async sendUntilAcked(frame: Buffer, code: number): Promise<void> {
    for (let attempt = 0; attempt <= RETRIES; attempt += 1) {
      await this.write(this.awake ? frame : Buffer.concat([WAKE_UP, frame]));
      const reply = await this.next(this.timing.ackTimeoutMs);
      if (reply === null) throw silent(code, 'ACK');
      if (reply.type === 'ack') return;
      // NACK or garbage instead of ACK: the command did not arrive intact, send it again
    }
    throw new DeviceError('BAD_FRAME', `PN532 did not ACK 0x${hex(code)} after retries`, false);
  }

  /** Tells the chip to abort what it is doing (an ACK from the host does that). */
  async abort(): Promise<void> {
    await this.write(ACK).catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.waiter?.();
  }

  private async write(bytes: Buffer): Promise<void> {
    if (this.closed) throw new DeviceError('DISCONNECTED', 'PN532 link closed', true);
    await writeAndDrain(this.port, bytes);
  }

  private deliver(item: Incoming): void {
    this.inbox.push(item);
    this.waiter?.();
  }

  private async next(timeoutMs: number): Promise<Incoming | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.inbox.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) return null;
      const delay = wakeableDelay(left);
      this.waiter = delay.wake;
      await delay.done;
      this.waiter = null;
    }
    return this.inbox.shift() ?? null;
  }
}

function silent(code: number, what: string): DeviceError {
  return new DeviceError(
    'NOT_RESPONDING',
    `PN532 sent no ${what} to command 0x${hex(code)}`,
    false,
  );
}

const hex = (n: number): string => n.toString(16).padStart(2, '0');
