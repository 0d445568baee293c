import { useTranslation } from 'react-i18next';
import { BigButton } from './BigButton';

/**
 * The on-screen twins of the 红绿双键 (seed 001): green asks for a staff member, red is an
 * emergency. Always there, even for someone without a card.
 */
export function HelpButtons({ onCall }: { onCall: (button: 'red' | 'green') => void }) {
  const { t } = useTranslation();
  return (
    <div className="help-buttons">
      <BigButton
        icon="🙋"
        label={t('home.callStaff')}
        onClick={() => onCall('green')}
        variant="help"
      />
      <BigButton
        icon="🆘"
        label={t('help.emergencyButton')}
        onClick={() => onCall('red')}
        variant="emergency"
      />
    </div>
  );
}
