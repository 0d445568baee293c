import type { DeviceConfig } from '../config/device-config';
import {
  ButtonBoxFramer,
  DEFAULT_BUTTON_BYTES,
  DEFAULT_BUTTON_KEYS,
  Em4100Framer,
  EscPosPrinter,
  HidButtonDecoder,
  HidKeyboardDecoder,
  HidKeyboardDriver,
  KeyboardWedgeReader,
  LineFramer,
  Pn532Driver,
  SerialFramedDriver,
  SimulatedButtons,
  SimulatedCardReader,
  SimulatedPrinter,
  type DeviceDriver,
  type SerialFramedOptions,
  type HidApi,
  type UidTextOptions,
} from '../../hardware';

export interface DriverFactoryOptions {
  /** node-hid by default; tests pass a fake (no HID hardware in CI) */
  hid?: HidApi;
  /** seconds of bytes-without-frames before a wrong baud rate is suspected */
  garbleWindowMs?: number;
}

/** The config's `path` is checked by the schema for every real driver; this narrows it. */
function pathOf(config: DeviceConfig): string {
  if (!config.path) throw new Error(`the ${config.driver} ${config.kind} has no path`);
  return config.path;
}

/** A device that only talks over a serial port: one framer, default 9600 baud. */
function serialDriver(
  config: DeviceConfig,
  protocol: string,
  makeFramer: SerialFramedOptions['makeFramer'],
  options: DriverFactoryOptions,
): DeviceDriver {
  return new SerialFramedDriver({
    kind: config.kind,
    protocol,
    path: pathOf(config),
    baudRate: config.baud ?? 9600,
    makeFramer,
    garbleWindowMs: options.garbleWindowMs,
  });
}

/** Builds the driver a validated `devices` entry describes. */
export function createDriver(
  config: DeviceConfig,
  options: DriverFactoryOptions = {},
): DeviceDriver {
  switch (config.kind) {
    case 'card-reader': {
      const uidText: UidTextOptions = {
        format: config.format ?? 'auto',
        byteOrder: config.byteOrder ?? 'msb-first',
      };
      switch (config.driver) {
        case 'simulated':
          return new SimulatedCardReader(config.path ? `simulated:${config.path}` : 'simulated');
        case 'em4100':
          return serialDriver(config, 'em4100', () => new Em4100Framer(), options);
        case 'line':
          return serialDriver(config, 'line', () => new LineFramer(uidText), options);
        case 'pn532':
          return new Pn532Driver({
            path: pathOf(config),
            baudRate: config.baud ?? 115200,
            pollIntervalMs: config.pollIntervalMs,
          });
        case 'keyboard-wedge':
          return new KeyboardWedgeReader(uidText);
        case 'hid-keyboard':
          return new HidKeyboardDriver({
            kind: 'card-reader',
            path: config.path,
            vendorId: config.vendorId,
            productId: config.productId,
            makeDecoder: () => new HidKeyboardDecoder(uidText),
            hid: options.hid,
          });
      }
      break;
    }
    case 'buttons':
      switch (config.driver) {
        case 'simulated':
          return new SimulatedButtons();
        case 'serial': {
          const bytes = {
            red: config.redByte ?? DEFAULT_BUTTON_BYTES.red,
            green: config.greenByte ?? DEFAULT_BUTTON_BYTES.green,
          };
          return serialDriver(config, 'buttons', () => new ButtonBoxFramer(bytes), options);
        }
        case 'hid-keyboard':
          return new HidKeyboardDriver({
            kind: 'buttons',
            path: config.path,
            vendorId: config.vendorId,
            productId: config.productId,
            makeDecoder: () =>
              new HidButtonDecoder({
                red: config.redKey ?? DEFAULT_BUTTON_KEYS.red,
                green: config.greenKey ?? DEFAULT_BUTTON_KEYS.green,
              }),
            hid: options.hid,
          });
      }
      break;
    case 'printer':
      if (config.driver === 'simulated') return new SimulatedPrinter();
      return new EscPosPrinter({ path: pathOf(config), baudRate: config.baud ?? 9600 });
  }
  throw new Error(`no driver for ${JSON.stringify(config)}`);
}
