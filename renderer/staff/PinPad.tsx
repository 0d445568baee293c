import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
export const PIN_LENGTH = 6;

/**
 * Six digits on on-screen keys, shown as dots. No text field, so a card reader in keyboard mode
 * never types into it; the sixth digit hands the PIN over at once and the dots start again.
 */
export function PinPad({ onComplete }: { onComplete: (pin: string) => void }) {
  const { t } = useTranslation('staff');
  const [pin, setPin] = useState('');
  const press = (d: string): void => {
    const next = pin + d;
    if (next.length < PIN_LENGTH) {
      setPin(next);
      return;
    }
    setPin('');
    onComplete(next);
  };
  return (
    <>
      <p className="staff-pin__dots" aria-label={t('pin.entered', { n: pin.length })}>
        {'●'.repeat(pin.length)}
        {'○'.repeat(PIN_LENGTH - pin.length)}
      </p>
      <div className="staff-keypad">
        {DIGITS.map((d) => (
          <BigButton key={d} icon="🔢" label={d} onClick={() => press(d)} compact />
        ))}
        <BigButton
          icon="⌫"
          label={t('pin.clear')}
          onClick={() => setPin('')}
          variant="secondary"
          compact
        />
      </div>
    </>
  );
}
