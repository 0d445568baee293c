import { useCallback, useEffect, useState } from 'react';
import type { HelpEvent } from '../../contract/calls/device-calls';
import type { KioskApi } from '../../contract/kiosk-api';

export type HelpShown = { state: 'called'; button: 'red' | 'green' } | { state: 'failed' } | null;

/**
 * Help calls from the screen and from the physical 红绿双键 alike: the core records them and says
 * so with a `help` event, which is what shows the reassurance screen. A call that the core could
 * not record shows the "go to the counter" screen instead.
 */
export function useHelpCalls(api: KioskApi): {
  shown: HelpShown;
  call: (button: 'red' | 'green') => void;
  dismiss: () => void;
} {
  const [shown, setShown] = useState<HelpShown>(null);
  useEffect(
    () => api.on('help', (e: HelpEvent) => setShown({ state: 'called', button: e.button })),
    [api],
  );
  const call = useCallback(
    (button: 'red' | 'green') =>
      void api.call('help.call', { button }).then((r) => {
        if (!r.ok) setShown({ state: 'failed' });
      }),
    [api],
  );
  const dismiss = useCallback(() => setShown(null), []);
  return { shown, call, dismiss };
}
