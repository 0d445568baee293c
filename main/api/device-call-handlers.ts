import type { KioskCore } from '../core/kiosk-core';
import type { DeviceManager } from '../devices';
import { ApiRefusal, type Handlers } from './dispatch';

type DeviceCallName = 'session.tapSimulatedCard' | 'session.tapKeyboardCard' | 'devices.status';

/**
 * Cards from the demo tray and keyboard-wedge readers, and the devices' status. Both kinds of tap
 * go through their reader in the device manager, like any reader's: the same card within 1.5 s
 * counts once (a HID reader is read raw AND types into the window), and the status counts them.
 */
export function deviceCallHandlers(
  core: KioskCore,
  devices: DeviceManager,
): Pick<Handlers, DeviceCallName> {
  return {
    'session.tapSimulatedCard': ({ uid }) => {
      const reader = devices.simulatedReader();
      if (!reader) throw new ApiRefusal('refused', 'this station has no simulated card reader');
      if (!reader.tap(uid))
        throw new ApiRefusal('unavailable', 'the simulated card reader is not open yet');
      return core.session();
    },
    'session.tapKeyboardCard': ({ uid }) => {
      const reader = devices.keyboardWedge();
      if (!reader) throw new ApiRefusal('refused', 'this station has no keyboard-wedge reader');
      const read = reader.typed(uid);
      if (!read.ok) throw new ApiRefusal('refused', `not a card UID: ${read.reason}`);
      return core.session();
    },
    'devices.status': () => core.deviceStatuses(),
  };
}
