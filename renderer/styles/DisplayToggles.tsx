import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';
import type { DisplayModes } from './use-display-modes';

/**
 * The two display switches, always in the same corner. Each says its state with an icon (✅
 * when on) and aria-pressed, not by colour alone.
 */
export function DisplayToggles({ modes }: { modes: DisplayModes }) {
  const { t } = useTranslation();
  return (
    <aside className="display-toggles" aria-label={t('display.label')}>
      <BigButton
        icon={modes.largeText ? '✅' : '🔠'}
        label={t('display.largeText')}
        onClick={modes.toggleLargeText}
        variant="secondary"
        compact
        pressed={modes.largeText}
        testId="toggle-large-text"
      />
      <BigButton
        icon={modes.highContrast ? '✅' : '◐'}
        label={t('display.highContrast')}
        onClick={modes.toggleHighContrast}
        variant="secondary"
        compact
        pressed={modes.highContrast}
        testId="toggle-high-contrast"
      />
    </aside>
  );
}
