import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../contract/kiosk-api';
import type { StaffView } from '../../contract/views';
import { ScreenFrame } from '../components/ScreenFrame';
import { useIdleTimeout } from '../session/use-idle-timeout';
import { PinPad } from './PinPad';

/**
 * The six-digit PIN after a staff card. Left alone for `idleSeconds` (the station's elder idle
 * time) it goes back to 请刷卡, so a staff card tapped and forgotten does not leave a staff
 * member's name and keypad on the screen; every key press starts the count again. The core ends
 * it too a little later, should this page be gone (main/core/session-backstop.ts).
 */
export function StaffPinScreen({
  api,
  staff,
  attemptsLeft,
  locked,
  idleSeconds,
}: {
  api: KioskApi;
  staff: StaffView;
  attemptsLeft: number;
  locked: boolean;
  idleSeconds: number;
}) {
  const { t } = useTranslation('staff');
  const [wrong, setWrong] = useState(false);
  const cancel = useCallback(() => void api.call('session.end', {}), [api]);
  useIdleTimeout(true, idleSeconds, cancel);

  const send = (pin: string): void =>
    void api.call('staff.pin', { pin }).then((r) => {
      setWrong(r.ok && r.value.kind === 'staff-pin');
    });

  return (
    <ScreenFrame title={t('pin.title', { name: staff.name })} onBack={cancel}>
      {locked ? (
        <p className="staff-alert" role="alert" data-testid="staff-locked">
          {t('pin.locked')}
        </p>
      ) : (
        <>
          {wrong && (
            <p className="staff-alert" role="alert" data-testid="staff-pin-wrong">
              {t('pin.wrong', { left: attemptsLeft })}
            </p>
          )}
          <PinPad onComplete={send} />
        </>
      )}
    </ScreenFrame>
  );
}
