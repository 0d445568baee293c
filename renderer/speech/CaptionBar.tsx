import { useTranslation } from 'react-i18next';
import { useSpeech } from './speech-context';
import { BigButton } from '../components/BigButton';

/** The caption of whatever is being spoken, with 再听一遍 always in the same corner. */
export function CaptionBar() {
  const { t } = useTranslation();
  const { caption, repeat } = useSpeech();
  return (
    <footer className="caption-bar">
      {/* Focusable because a caption longer than its two lines scrolls inside its box. */}
      <p className="caption-text" aria-live="polite" data-testid="caption" tabIndex={0}>
        {caption}
      </p>
      <BigButton
        icon="🔊"
        label={t('common.repeat')}
        onClick={repeat}
        variant="secondary"
        compact
      />
    </footer>
  );
}
