import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';
import { ScreenFrame } from '../components/ScreenFrame';
import { useSpokenLine } from '../speech/speech-context';

/** An unknown or lost card: say so plainly, shown and spoken, and send them to the staff. */
export function CardRefusedScreen({
  reason,
  onOk,
}: {
  reason: 'unknown-card' | 'lost-card';
  onOk: () => void;
}) {
  const { t } = useTranslation();
  const prefix = reason === 'lost-card' ? 'cardRefused.lost' : 'cardRefused.unknown';
  useSpokenLine(`${prefix}.spoken`);
  return (
    <ScreenFrame title={t(`${prefix}.title`)}>
      <p className="screen__lead notice" role="alert">
        <span aria-hidden="true">⚠️ </span>
        {t(`${prefix}.detail`)}
      </p>
      <BigButton icon="✔" label={t('common.ok')} onClick={onOk} />
    </ScreenFrame>
  );
}
