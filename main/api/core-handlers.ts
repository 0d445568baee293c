import type { KioskCore } from '../core/kiosk-core';
import type { Handlers } from './dispatch';

type CoreCallName =
  'station.info' | 'session.current' | 'session.touch' | 'session.end' | 'help.call';

/** The session and help calls, bound to the core. */
export function coreHandlers(core: KioskCore): Pick<Handlers, CoreCallName> {
  return {
    'station.info': () => core.stationInfo(),
    'session.current': () => core.session(),
    // The touch itself is heard before any handler runs (KioskCore.callReceived); it answers the
    // session so a page that missed an event can catch up.
    'session.touch': () => core.session(),
    'session.end': () => core.endSession(),
    'help.call': ({ button }) => core.callForHelp(button, 'screen'),
  };
}
