import { useTranslation } from 'react-i18next';
import type { BookingView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { useSpokenLine } from '../../speech/speech-context';
import { bookingTicketLine } from '../../speech/lines/ordering-lines';
import { TicketScreen } from '../meals/TicketScreen';
import { useReprint } from '../meals/use-reprint';
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
  const [view, reprint] = useReprint(booking, (uuid) => api.call('services.reprint', { uuid }));
  const spoken = bookingTicketLine(view);
  useSpokenLine(spoken.key, spoken.params);
  return (
    <TicketScreen
      title={t('services.doneTitle')}
      numberLabel={t('services.bookingNumber')}
      number={view.bookingNumber}
      numberTestId="booking-number"
      icon={view.quote.service.icon}
      personalFen={view.quote.total.personal}
      awaitingCash={view.paymentState === 'awaiting-cash'}
      printFailed={view.printState === 'failed'}
      takeTicketText={t('services.takeTicket')}
      onReprint={() => void reprint()}
      onDone={onDone}
      onHome={onHome}
    >
      {view.quote.service.name} · {slotDay(view.quote.slot.startsAt)}{' '}
      {slotTime(view.quote.slot.startsAt)}
    </TicketScreen>
  );
}
