import type { KioskCore } from '../core/kiosk-core';
import type { DeviceManager } from '../devices';
import { ApiRefusal, type Handlers } from './dispatch';

type DeviceCallName = 'session.tapSimulatedCard' | 'session.tapKeyboardCard' | 'devices.status';

/** Cards from the demo tray and keyboard-wedge readers, and the devices' status. */
export function deviceCallHandlers(
  core: KioskCore,
  devices: DeviceManager,
): Pick<Handlers, DeviceCallName> {
  return {
    'session.tapSimulatedCard': ({ uid }) => {
      const reader = devices.simulatedReader();
      if (!reader) throw new ApiRefusal('refused', 'this station has no simulated card reader');
      // Through the device manager, like any reader: the same card within 1.5 s counts once.
      if (!reader.tap(uid))
        throw new ApiRefusal('unavailable', 'the simulated card reader is not open yet');
      return core.session();
    },
    'session.tapKeyboardCard': ({ uid }) => core.cardTapped(uid.toUpperCase(), 'keyboard-wedge'),
    'devices.status': () => core.deviceStatuses(),
  };
}
