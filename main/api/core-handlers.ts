import type { KioskCore } from '../core/kiosk-core';
import type { Handlers } from './dispatch';

type CoreCallName = 'station.info' | 'session.current' | 'session.end' | 'help.call';

/** The session and help calls, bound to the core. */
export function coreHandlers(core: KioskCore): Pick<Handlers, CoreCallName> {
  return {
    'station.info': () => core.stationInfo(),
    'session.current': () => core.session(),
    'session.end': () => core.endSession(),
    'help.call': ({ button }) => core.callForHelp(button, 'screen'),
  };
}
