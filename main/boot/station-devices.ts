import type { DeviceConfig } from '../config/device-config';
import type { KioskCore } from '../core/kiosk-core';
import { DeviceManager } from '../devices';

/**
 * The station's devices as configured, plus the simulated reader behind the demo tray when this is
 * the demo station and the config names none, all reporting into the core.
 */
export function stationDevices(
  core: KioskCore,
  configured: DeviceConfig[],
  demo: boolean,
): DeviceManager {
  const hasSimulatedReader = configured.some(
    (d) => d.kind === 'card-reader' && d.driver === 'simulated',
  );
  const devices: DeviceConfig[] =
    demo && !hasSimulatedReader
      ? [...configured, { kind: 'card-reader', driver: 'simulated' }]
      : configured;
  return new DeviceManager({
    devices,
    onCard: (uid, source) => core.cardTapped(uid, source),
    onButton: (button, source) => core.callForHelp(button, source),
    onStatus: (statuses) => core.setDeviceStatuses(statuses),
  });
}
