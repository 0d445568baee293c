import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpeech, useSpokenLine } from '../../speech/speech-context';
import { refusalKey } from '../meals/ordering-shared';
import { useCall } from '../meals/use-call';
import { slotDay, slotTime } from './slot-time';

/** 我的预约: bookings, newest first; one that has not started can be cancelled. */
export function MyBookings({
  api,
  onBack,
  onHome,
}: {
  api: KioskApi;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const [reload, setReload] = useState(0);
  const load = useCall(api, 'services.myBookings', {}, reload);
  return (
    <ScreenFrame title={t('services.myBookings')} onBack={onBack} onHome={onHome}>
      {load.kind === 'loading' && <p className="screen__lead">{t('services.loading')}</p>}
      {load.kind === 'failed' && <p className="ordering__notice">{t(refusalKey(load.error))}</p>}
      {load.kind === 'ready' && (
        <BookingList api={api} bookings={load.value} onChanged={() => setReload((n) => n + 1)} />
      )}
    </ScreenFrame>
  );
}

function BookingList({
  api,
  bookings,
  onChanged,
}: {
  api: KioskApi;
  bookings: BookingView[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('ordering');
  const common = useTranslation().t;
  const { say } = useSpeech();
  const [asking, setAsking] = useState<string | null>(null);
  useSpokenLine('ordering:spoken.bookings', { count: bookings.length });
  const cancel = async (uuid: string) => {
    const result = await api.call('services.cancel', { uuid });
    setAsking(null);
    if (result.ok) say({ key: 'ordering:spoken.bookingCancelled' });
    else say({ key: 'ordering:spoken.refused', params: { text: t(refusalKey(result.error)) } });
    onChanged();
  };
  if (bookings.length === 0) return <p className="screen__lead">{t('services.noBookings')}</p>;
  return (
    <div className="ordering">
      {bookings.map((b) => (
        <div key={b.uuid} className="ordering__item">
          <p className="ordering__label">
            <span aria-hidden="true">{b.quote.service.icon} </span>
            {t('services.bookingLine', {
              name: b.quote.service.name,
              day: slotDay(b.quote.slot.startsAt),
              time: slotTime(b.quote.slot.startsAt),
              number: b.bookingNumber,
            })}
          </p>
          {b.status === 'cancelled' && <p className="ordering__text">{t('meals.cancelled')}</p>}
          {b.cancellable && asking !== b.uuid && (
            <div className="ordering__row">
              <BigButton
                icon="✖"
                label={t('services.cancelBooking')}
                variant="secondary"
                onClick={() => {
                  setAsking(b.uuid);
                  say({ key: 'ordering:services.cancelAsk' });
                }}
              />
            </div>
          )}
          {asking === b.uuid && (
            <div className="ordering__row">
              <p className="ordering__text">{t('services.cancelAsk')}</p>
              <BigButton
                icon="✔"
                label={common('common.confirm')}
                onClick={() => void cancel(b.uuid)}
              />
              <BigButton
                icon="⬅"
                label={common('common.back')}
                variant="secondary"
                onClick={() => setAsking(null)}
              />
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
