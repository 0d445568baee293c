import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../contract/kiosk-api';
import { MyRecords, type MyRecordsText } from '../meals/MyRecords';
import { slotDay, slotTime } from './slot-time';

const TEXT: MyRecordsText = {
  title: 'services.myBookings',
  loading: 'services.loading',
  spokenList: 'spoken.bookings',
  empty: 'services.noBookings',
  cancelButton: 'services.cancelBooking',
  cancelAsk: 'services.cancelAsk',
  spokenCancelled: 'spoken.bookingCancelled',
};

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
  return (
    <MyRecords
      api={api}
      list="services.myBookings"
      text={TEXT}
      icon={(b) => b.quote.service.icon}
      line={(b) =>
        t('services.bookingLine', {
          name: b.quote.service.name,
          day: slotDay(b.quote.slot.startsAt),
          time: slotTime(b.quote.slot.startsAt),
          number: b.bookingNumber,
        })
      }
      onBack={onBack}
      onHome={onHome}
    />
  );
}
