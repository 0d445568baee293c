import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../contract/kiosk-api';
import type { StaffView } from '../../contract/views';
import { BigButton } from '../components/BigButton';
import { ScreenFrame } from '../components/ScreenFrame';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * The six-digit PIN after a staff card. Digits go in by on-screen keys only (no text field, so a
 * card reader in keyboard mode never types into it); the sixth digit sends the PIN at once.
 */
export function StaffPinScreen({
  api,
  staff,
  attemptsLeft,
  locked,
}: {
  api: KioskApi;
  staff: StaffView;
  attemptsLeft: number;
  locked: boolean;
}) {
  const { t } = useTranslation('staff');
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);

  const press = (d: string): void => {
    const next = pin + d;
    if (next.length < 6) {
      setPin(next);
      return;
    }
    setPin('');
    void api.call('staff.pin', { pin: next }).then((r) => {
      setWrong(r.ok && r.value.kind === 'staff-pin');
    });
  };
  const cancel = (): void => void api.call('session.end', {});

  return (
    <ScreenFrame title={t('pin.title', { name: staff.name })} onBack={cancel}>
      {locked ? (
        <p className="staff-alert" role="alert" data-testid="staff-locked">
          {t('pin.locked')}
        </p>
      ) : (
        <>
          <p className="staff-pin__dots" aria-label={t('pin.entered', { n: pin.length })}>
            {'●'.repeat(pin.length)}
            {'○'.repeat(6 - pin.length)}
          </p>
          {wrong && (
            <p className="staff-alert" role="alert">
              {t('pin.wrong', { left: attemptsLeft })}
            </p>
          )}
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
      )}
    </ScreenFrame>
  );
}
