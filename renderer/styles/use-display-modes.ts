import { useCallback, useState } from 'react';

export interface DisplayModes {
  largeText: boolean;
  highContrast: boolean;
  /** the zoom applied to the screen: the elder's prefs.fontScale, times 1.25 for 大字 */
  scale: number;
  toggleLargeText: () => void;
  toggleHighContrast: () => void;
}

const largeTextFactor = 1.25;

/**
 * 大字 and 黑白分明 for whoever is at the screen. The elder's own prefs.fontScale applies for their
 * whole session; the toggles are one visit's choice and reset when the session changes, so the
 * next person starts from the station's normal look.
 */
export function useDisplayModes(fontScale: number | undefined, sessionKey: string): DisplayModes {
  // The choices are stored with the session they were made in: a new session reads them as off.
  const [chosen, setChosen] = useState({ key: sessionKey, largeText: false, highContrast: false });
  const current = chosen.key === sessionKey ? chosen : { largeText: false, highContrast: false };
  const { largeText, highContrast } = current;
  const toggleLargeText = useCallback(
    () =>
      setChosen((c) => ({
        key: sessionKey,
        largeText: !(c.key === sessionKey && c.largeText),
        highContrast: c.key === sessionKey && c.highContrast,
      })),
    [sessionKey],
  );
  const toggleHighContrast = useCallback(
    () =>
      setChosen((c) => ({
        key: sessionKey,
        largeText: c.key === sessionKey && c.largeText,
        highContrast: !(c.key === sessionKey && c.highContrast),
      })),
    [sessionKey],
  );
  const scale = Math.min(2.5, (fontScale ?? 1) * (largeText ? largeTextFactor : 1));
  return { largeText, highContrast, scale, toggleLargeText, toggleHighContrast };
}
