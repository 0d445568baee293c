import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';
import { PinPad } from './PinPad';

/**
 * A supervisor sets a staff member's new PIN: six digits on the keypad, then the same six again.
 * Two different entries start over (a mistyped PIN would lock the card at its first use).
 */
export function NewPinForm({
  name,
  onPin,
  onCancel,
}: {
  name: string;
  onPin: (pin: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('staff');
  const [first, setFirst] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const entered = (pin: string): void => {
    if (first === null) {
      setFirst(pin);
      setMismatch(false);
    } else if (pin === first) {
      onPin(pin);
    } else {
      setFirst(null);
      setMismatch(true);
    }
  };
  return (
    <div className="staff-new-pin" data-testid="staff-new-pin">
      <p className="staff-new-pin__ask" role="status">
        {first === null ? t('staffList.newPin', { name }) : t('staffList.newPinAgain')}
      </p>
      {mismatch && (
        <p className="staff-alert" role="alert">
          {t('staffList.pinMismatch')}
        </p>
      )}
      {/* A new pad for the second entry, so no digit of the first is left showing. */}
      <PinPad key={first === null ? 'first' : 'again'} onComplete={entered} />
      <BigButton
        icon="✖"
        label={t('staffList.cancel')}
        onClick={onCancel}
        variant="secondary"
        compact
      />
    </div>
  );
}
