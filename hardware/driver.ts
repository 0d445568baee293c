import { EventEmitter } from 'node:events';

/** The two help buttons of seed 001's 红绿双键: red = emergency, green = service call. */
export type ButtonName = 'red' | 'green';

export type DeviceKind = 'card-reader' | 'buttons' | 'printer';

/**
 * What went wrong, as a code the device manager and the probe CLI can act on, plus a message a
 * technician can follow. `fatal` means the device is gone (unplugged, closed by the OS, no longer
 * answering) and must be re-opened; non-fatal errors (one bad frame) are counted and the device
 * keeps running.
 */
export type DeviceErrorCode =
  | 'NOT_FOUND'
  | 'PERMISSION_DENIED'
  | 'BUSY'
  | 'OPEN_FAILED'
  | 'DISCONNECTED'
  | 'BAD_FRAME'
  | 'NO_VALID_FRAMES'
  | 'NOT_RESPONDING'
  | 'PAPER_OUT'
  | 'OFFLINE'
  | 'WRITE_FAILED';

export class DeviceError extends Error {
  constructor(
    readonly code: DeviceErrorCode,
    message: string,
    readonly fatal: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeviceError';
  }
}

export type DriverState = 'closed' | 'opening' | 'open' | 'not-responding' | 'failed';

export interface DriverStatus {
  state: DriverState;
  /** why the state is what it is, for the staff screen; null when there is nothing to say */
  detail: string | null;
}

/** Counters that let a technician tell "nothing arrives" from "garbage arrives" (wrong baud). */
export interface DriverCounters {
  bytesIn: number;
  framesOk: number;
  framesBad: number;
}

export interface DriverEvents {
  card: [uid: string];
  button: [button: ButtonName];
  error: [error: DeviceError];
  status: [status: DriverStatus];
}

/**
 * The one interface every device driver implements, real or simulated. Card readers emit `card`
 * with an upper-case hex UID; button boxes emit `button`; printers add printTicket (see
 * printer/ticket-printer.ts). open() resolves once the device is usable and rejects with a
 * DeviceError when it is not; close() never rejects.
 */
export interface DeviceDriver extends EventEmitter<DriverEvents> {
  readonly kind: DeviceKind;
  /** driver and path, e.g. "em4100:/dev/ttyUSB0": how events and statuses name their source */
  readonly name: string;
  readonly status: DriverStatus;
  readonly counters: DriverCounters;
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Shared bookkeeping for drivers. Node's EventEmitter throws when 'error' is emitted with no
 * listener; a bad frame must never crash the kiosk, so errors without a listener are only counted.
 */
export abstract class BaseDriver extends EventEmitter<DriverEvents> implements DeviceDriver {
  abstract readonly kind: DeviceKind;
  readonly counters: DriverCounters = { bytesIn: 0, framesOk: 0, framesBad: 0 };
  private current: DriverStatus = { state: 'closed', detail: null };

  constructor(readonly name: string) {
    super();
  }

  get status(): DriverStatus {
    return this.current;
  }

  abstract open(): Promise<void>;
  abstract close(): Promise<void>;

  protected setStatus(state: DriverState, detail: string | null = null): void {
    if (this.current.state === state && this.current.detail === detail) return;
    this.current = { state, detail };
    this.emit('status', this.current);
  }

  protected reportError(error: DeviceError): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
