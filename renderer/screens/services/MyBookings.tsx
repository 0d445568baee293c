import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../contract/kiosk-api';
import { MyRecords, type MyRecordsText } from '../meals/MyRecords';
import { useCall } from '../meals/use-call';
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
  const [reload, setReload] = useState(0);
  const load = useCall(api, 'services.myBookings', {}, reload);
  return (
    <MyRecords
      load={load}
      cancel={(uuid) => api.call('services.cancel', { uuid })}
      onChanged={() => setReload((n) => n + 1)}
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
