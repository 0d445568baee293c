import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpokenLine } from '../../speech/speech-context';
import { yuan } from '../meals/ordering-shared';
import { BigTotal } from '../meals/SplitLines';
import { slotDay, slotTime } from './slot-time';

/** 预约服务, step 4 (after the commit returned): the booking number, spoken, and reprint if needed. */
export function BookingTicket({
  api,
  booking,
  onDone,
  onHome,
}: {
  api: KioskApi;
  booking: BookingView;
  onDone: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const common = useTranslation().t;
  const [view, setView] = useState(booking);
  const number = Number(view.bookingNumber.slice(1));
  useSpokenLine(
    view.printState === 'failed' ? 'ordering:spoken.bookedPrintFailed' : 'ordering:spoken.booked',
    {
      number,
    },
  );
  const reprint = async () => {
    const result = await api.call('services.reprint', { uuid: view.uuid });
    if (result.ok) setView(result.value);
  };
  const personal = view.quote.total.personal;
  return (
    <ScreenFrame title={t('services.doneTitle')} onHome={onHome}>
      <div className="ordering">
        <p className="ordering__label">{t('services.bookingNumber')}</p>
        <p className="ordering__queue" data-testid="booking-number">
          {view.bookingNumber}
        </p>
        <p className="ordering__label">
          <span aria-hidden="true">{view.quote.service.icon} </span>
          {view.quote.service.name} · {slotDay(view.quote.slot.startsAt)}{' '}
          {slotTime(view.quote.slot.startsAt)}
        </p>
        <BigTotal fen={personal} />
        {view.paymentState === 'awaiting-cash' && (
          <p className="ordering__notice">{t('meals.awaitingCash', { yuan: yuan(personal) })}</p>
        )}
        {view.printState === 'failed' ? (
          <>
            <p className="ordering__notice">{t('meals.printFailed')}</p>
            <div className="ordering__row">
              <BigButton icon="🖨" label={t('meals.reprint')} onClick={() => void reprint()} />
            </div>
          </>
        ) : (
          <p className="ordering__text">{t('services.takeTicket')}</p>
        )}
        <div className="ordering__row">
          <BigButton icon="✔" label={common('common.ok')} onClick={onDone} />
        </div>
      </div>
    </ScreenFrame>
  );
}
