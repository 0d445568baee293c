import type { DeviceConfig } from '../config/device-config';
import type { KioskCore } from '../core/kiosk-core';
import { DeviceManager, withKeyboardWedge, type DriverFactoryOptions } from '../devices';

/**
 * The station's devices as configured, plus the simulated reader behind the demo tray when this is
 * the demo station and the config names none, and the keyboard-wedge reader the renderer hands its
 * bursts to, all reporting into the core.
 */
export function stationDevices(
  core: KioskCore,
  configured: DeviceConfig[],
  demo: boolean,
  driverOptions: DriverFactoryOptions = {},
): DeviceManager {
  const hasSimulatedReader = configured.some(
    (d) => d.kind === 'card-reader' && d.driver === 'simulated',
  );
  const devices: DeviceConfig[] =
    demo && !hasSimulatedReader
      ? [...configured, { kind: 'card-reader', driver: 'simulated' }]
      : configured;
  return new DeviceManager({
    devices: withKeyboardWedge(devices),
    onCard: (uid, source) => core.cardTapped(uid, source),
    onButton: (button, source) => core.callForHelp(button, source),
    onStatus: (statuses) => core.setDeviceStatuses(statuses),
    driverOptions,
  });
}
