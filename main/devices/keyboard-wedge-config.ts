import type { CardReaderConfig, DeviceConfig } from '../config/device-config';

/**
 * The renderer catches keyboard-wedge bursts on every station, so every station has a
 * keyboard-wedge reader: the configured one, or else one added here. An added one reads the UID
 * the way the station's hid-keyboard card reader is configured to (format, byte order), because
 * on Linux that reader's keystrokes also reach the kiosk window: both reads must give the same
 * UID for the device manager to count the tap once. Without a hid-keyboard reader it reads 10
 * decimal digits as decimal and anything else as hex, most significant byte first.
 */
export function withKeyboardWedge(devices: DeviceConfig[]): DeviceConfig[] {
  if (devices.some((d) => d.kind === 'card-reader' && d.driver === 'keyboard-wedge'))
    return devices;
  const hid = devices.find(
    (d): d is CardReaderConfig => d.kind === 'card-reader' && d.driver === 'hid-keyboard',
  );
  const wedge: CardReaderConfig = { kind: 'card-reader', driver: 'keyboard-wedge' };
  if (hid?.format) wedge.format = hid.format;
  if (hid?.byteOrder) wedge.byteOrder = hid.byteOrder;
  return [...devices, wedge];
}
