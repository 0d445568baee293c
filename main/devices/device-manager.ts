import type { DeviceConfig } from '../config/device-config';
import { shanghaiIso } from '../clock';
import {
  KeyboardWedgeReader,
  SimulatedButtons,
  SimulatedCardReader,
  type ButtonName,
  type DeviceDriver,
  type DeviceError,
  type DeviceKind,
  type DriverState,
  type TicketPrinter,
} from '../../hardware';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import { CardDedupe } from './card-dedupe';
import { createDriver, type DriverFactoryOptions } from './create-driver';

/** One device as the staff screen shows it. */
export interface DeviceStatus {
  /** the name events carry as `source`, e.g. "em4100:/dev/ttyUSB0" */
  source: string;
  kind: DeviceKind;
  driver: string;
  connected: boolean;
  state: DriverState;
  /** why it is in that state (the last open error, "paper near end", firmware version …) */
  detail: string | null;
  /** last card or button event, ISO with +08:00 */
  lastEventAt: string | null;
  errors: number;
  lastError: string | null;
  reconnects: number;
}

export interface DeviceManagerOptions {
  devices: DeviceConfig[];
  onCard(uid: string, source: string): void;
  onButton(button: ButtonName, source: string): void;
  onStatus(statuses: DeviceStatus[]): void;
  dedupeMs?: number;
  backoff?: BackoffPolicy;
  /** to build drivers differently (tests); defaults to createDriver */
  createDriver?: (config: DeviceConfig, options: DriverFactoryOptions) => DeviceDriver;
  driverOptions?: DriverFactoryOptions;
  now?: () => number;
}

interface Slot {
  config: DeviceConfig;
  driver: DeviceDriver;
  status: DeviceStatus;
  attempt: number;
  timer: NodeJS.Timeout | null;
  reopening: boolean;
}

/**
 * Owns every configured device: opens them, reconnects with exponential backoff after an unplug
 * or a failed open, keeps a status per device, drops repeated reads of the same card, and hands
 * card and button events to the core. A device that cannot be opened never stops the others or
 * the kiosk: the on-screen help buttons and the demo tray keep working without any hardware.
 */
export class DeviceManager {
  private readonly slots: Slot[];
  private readonly dedupe: CardDedupe;
  private readonly now: () => number;
  private stopped = true;

  constructor(private readonly options: DeviceManagerOptions) {
    this.dedupe = new CardDedupe(options.dedupeMs ?? 1500);
    this.now = options.now ?? Date.now;
    const make = options.createDriver ?? createDriver;
    this.slots = options.devices.map((config) => {
      const driver = make(config, options.driverOptions ?? {});
      const slot: Slot = {
        config,
        driver,
        attempt: 0,
        timer: null,
        reopening: false,
        status: {
          source: driver.name,
          kind: driver.kind,
          driver: config.driver,
          connected: false,
          state: 'closed',
          detail: null,
          lastEventAt: null,
          errors: 0,
          lastError: null,
          reconnects: 0,
        },
      };
      this.wire(slot);
      return slot;
    });
  }

  /** Opens every device; resolves when each has opened or failed (failures retry in the background). */
  async start(): Promise<void> {
    this.stopped = false;
    await Promise.all(this.slots.map((slot) => this.openSlot(slot)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
        await slot.driver.close();
      }),
    );
  }

  statuses(): DeviceStatus[] {
    return this.slots.map((slot) => ({ ...slot.status }));
  }

  /** The first configured printer (real or simulated), for the ordering feature; null if none. */
  printer(): TicketPrinter | null {
    for (const { driver } of this.slots) {
      if (driver.kind === 'printer' && 'printTicket' in driver)
        return driver as DeviceDriver & TicketPrinter;
    }
    return null;
  }

  /** The simulated card reader the demo tray taps on; null when none is configured. */
  simulatedReader(): SimulatedCardReader | null {
    const slot = this.slots.find((s) => s.driver instanceof SimulatedCardReader);
    return slot ? (slot.driver as SimulatedCardReader) : null;
  }

  /** The reader the renderer's keyboard-wedge detector hands its bursts to; null when none. */
  keyboardWedge(): KeyboardWedgeReader | null {
    const slot = this.slots.find((s) => s.driver instanceof KeyboardWedgeReader);
    return slot ? (slot.driver as KeyboardWedgeReader) : null;
  }

  simulatedButtons(): SimulatedButtons | null {
    const slot = this.slots.find((s) => s.driver instanceof SimulatedButtons);
    return slot ? (slot.driver as SimulatedButtons) : null;
  }

  private wire(slot: Slot): void {
    const { driver, status } = slot;
    driver.on('card', (uid) => {
      const now = this.now();
      this.touch(slot, now);
      if (this.dedupe.accept(uid, now)) this.options.onCard(uid, driver.name);
    });
    driver.on('button', (button) => {
      this.touch(slot, this.now());
      this.options.onButton(button, driver.name);
    });
    driver.on('status', (s) => {
      status.state = s.state;
      status.detail = s.detail;
      status.connected = s.state === 'open';
      this.publish();
    });
    driver.on('error', (error: DeviceError) => {
      status.errors += 1;
      status.lastError = error.message;
      this.publish();
      if (error.fatal) this.scheduleReopen(slot);
    });
  }

  private async openSlot(slot: Slot): Promise<void> {
    if (this.stopped) return;
    try {
      await slot.driver.open();
      slot.attempt = 0;
      // stop() may have run while the port was opening: do not leave it open behind us
      if (this.stopped) await slot.driver.close();
    } catch (error) {
      slot.status.errors += 1;
      slot.status.lastError = error instanceof Error ? error.message : String(error);
      this.publish();
      this.scheduleReopen(slot);
    }
  }

  private scheduleReopen(slot: Slot): void {
    if (this.stopped || slot.timer || slot.reopening) return;
    const delay = backoffDelay(this.options.backoff ?? DEFAULT_BACKOFF, slot.attempt);
    slot.attempt += 1;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      slot.reopening = true;
      slot.status.reconnects += 1;
      void slot.driver.close().then(() => {
        slot.reopening = false;
        return this.openSlot(slot);
      });
    }, delay);
  }

  private touch(slot: Slot, now: number): void {
    slot.status.lastEventAt = shanghaiIso(new Date(now));
    this.publish();
  }

  private publish(): void {
    this.options.onStatus(this.statuses());
  }
}
