import type { SerialPort } from 'serialport';
import { BaseDriver, DeviceError, type DeviceKind } from '../driver';
import type { ButtonFrame } from '../framing/button-box-framer';
import type { CardFrame } from '../framing/em4100-framer';
import type { FramingTransform } from '../framing/framing-transform';
import { closeSerialPort, openSerialPort, releasePort } from '../serial/open-serial-port';
import { watchPresence } from '../serial/presence-watch';

export interface SerialFramedOptions {
  kind: DeviceKind;
  /** protocol name used in the source name, e.g. "em4100" */
  protocol: string;
  path: string;
  baudRate: number;
  makeFramer: () => FramingTransform<CardFrame | ButtonFrame>;
  /**
   * Bytes arriving for this long with no valid frame among them almost always mean a wrong baud
   * rate; the driver then reports NO_VALID_FRAMES once (not fatal: the port is still there).
   */
  garbleWindowMs?: number;
}

/**
 * A device that only talks: open the serial port, pipe it through the protocol's framer, turn
 * frames into card/button events. Used for EM4100, line readers and serial button boxes.
 */
export class SerialFramedDriver extends BaseDriver {
  readonly kind: DeviceKind;
  private port: SerialPort | null = null;
  private framer: FramingTransform<CardFrame | ButtonFrame> | null = null;
  private garbleTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private stopWatching: (() => void) | null = null;

  constructor(private readonly options: SerialFramedOptions) {
    super(`${options.protocol}:${options.path}`);
    this.kind = options.kind;
  }

  async open(): Promise<void> {
    if (this.port) return;
    this.closing = false;
    this.setStatus('opening');
    let port: SerialPort;
    try {
      port = await openSerialPort(this.options.path, this.options.baudRate);
    } catch (error) {
      const deviceError = error instanceof DeviceError ? error : toOpenFailed(error);
      this.setStatus('failed', deviceError.message);
      throw deviceError;
    }
    this.port = port;
    const framer = this.options.makeFramer();
    this.framer = framer;
    framer.on('data', (frame: CardFrame | ButtonFrame) => this.onFrame(frame));
    framer.on('reject', (reason: string) => {
      this.counters.framesBad += 1;
      this.reportError(new DeviceError('BAD_FRAME', `${this.name}: ${reason}`, false));
    });
    port.on('data', (chunk: Buffer) => {
      this.counters.bytesIn += chunk.length;
      this.armGarbleCheck();
      framer.write(chunk);
    });
    port.on('error', (error: Error) => this.lost(error.message));
    port.on('close', () => this.lost('the port was closed by the system (unplugged?)'));
    this.stopWatching = await watchPresence(this.options.path, (reason) => this.lost(reason));
    this.setStatus('open');
  }

  async close(): Promise<void> {
    this.closing = true;
    this.disarm();
    const port = this.port;
    this.port = null;
    this.framer?.removeAllListeners();
    this.framer = null;
    if (port) await releasePort(port);
    this.setStatus('closed');
  }

  private onFrame(frame: CardFrame | ButtonFrame): void {
    this.counters.framesOk += 1;
    if (frame.type === 'card') this.emit('card', frame.uid);
    else this.emit('button', frame.button);
  }

  private armGarbleCheck(): void {
    if (this.garbleTimer || this.counters.framesOk > 0) return;
    this.garbleTimer = setTimeout(() => {
      this.garbleTimer = null;
      if (this.counters.framesOk > 0 || this.closing) return;
      this.reportError(
        new DeviceError(
          'NO_VALID_FRAMES',
          `${this.name}: ${this.counters.bytesIn} bytes received at ${this.options.baudRate} baud ` +
            `but no valid ${this.options.protocol} frame within ` +
            `${(this.options.garbleWindowMs ?? 5000) / 1000} s: check the baud rate (--baud) ` +
            'and that the driver matches the reader',
          false,
        ),
      );
    }, this.options.garbleWindowMs ?? 5000);
  }

  private disarm(): void {
    if (this.garbleTimer) clearTimeout(this.garbleTimer);
    this.garbleTimer = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  /** The port went away under us: report once, fatally, so the device manager reconnects. */
  private lost(reason: string): void {
    if (this.closing || !this.port) return;
    const port = this.port;
    this.port = null;
    this.disarm();
    port.removeAllListeners('data');
    void closeSerialPort(port);
    this.setStatus('failed', reason);
    this.reportError(new DeviceError('DISCONNECTED', `${this.name}: ${reason}`, true));
  }
}

function toOpenFailed(error: unknown): DeviceError {
  return new DeviceError(
    'OPEN_FAILED',
    error instanceof Error ? error.message : String(error),
    true,
  );
}
