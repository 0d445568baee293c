import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';
import { useSpokenLine } from '../speech/speech-context';

/**
 * The idle warning: covers the screen (nothing else to find or misread), says it aloud and in
 * the caption, and offers one big 继续. Not tapping it ends the session a little later.
 */
export function SessionWarning({ onContinue }: { onContinue: () => void }) {
  const { t } = useTranslation();
  useSpokenLine('session.spoken');
  return (
    <div
      className="session-warning"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="session-warning-title"
      aria-describedby="session-warning-detail"
      data-testid="session-warning"
    >
      <h2 id="session-warning-title" className="session-warning__title">
        <span aria-hidden="true">⏰ </span>
        {t('session.warningTitle')}
      </h2>
      <p id="session-warning-detail" className="screen__lead">
        {t('session.warningDetail')}
      </p>
      <BigButton
        icon="▶"
        label={t('session.continue')}
        onClick={onContinue}
        testId="session-continue"
      />
    </div>
  );
}
