import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryItem, TodayView } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { useStaffAction } from './use-staff-action';

const time = (iso: string): string => iso.slice(11, 16);

/** The kitchen's counts, the delivery and dine-in lists with serve/deliver, and bookings. */
export function TodayPanel({ api }: { api: KioskApi }) {
  const { t } = useTranslation('staff');
  const [today, setToday] = useState<TodayView | null>(null);
  const { run } = useStaffAction<TodayView>();

  useEffect(() => {
    void run(() => api.call('staff.today', {})).then((v) => v && setToday(v));
  }, [api, run]);

  if (!today) return <p>{t('loading')}</p>;
  const mark = (item: DeliveryItem, state: 'served' | 'delivered') => (
    <BigButton
      icon={state === 'delivered' ? '🛵' : '🍽'}
      label={t(`today.mark.${state}`)}
      onClick={() =>
        void run(() => api.call('staff.markServed', { orderUuid: item.orderUuid, state })).then(
          (v) => v && setToday(v),
        )
      }
      compact
    />
  );

  const cash = (item: DeliveryItem) =>
    item.cashDueFen === null ? null : (
      <BigButton
        icon="💴"
        label={t('today.confirmCash', { yuan: (item.cashDueFen / 100).toFixed(2) })}
        onClick={() =>
          void run(() => api.call('staff.confirmCash', { orderUuid: item.orderUuid })).then(
            (v) => v && setToday(v),
          )
        }
        compact
      />
    );

  return (
    <section aria-labelledby="staff-today-title" className="staff-panel">
      <h2 id="staff-today-title">{t('today.title', { date: today.date })}</h2>
      <h3>{t('today.kitchen')}</h3>
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('today.sitting')}</th>
            <th scope="col">{t('today.dish')}</th>
            <th scope="col">{t('today.dineIn')}</th>
            <th scope="col">{t('today.delivery')}</th>
            <th scope="col">{t('today.served')}</th>
          </tr>
        </thead>
        <tbody>
          {today.kitchen.map((k) => (
            <tr key={`${k.sitting}-${k.dishId}`}>
              <td>{t(`sitting.${k.sitting}`)}</td>
              <td>{k.dishName}</td>
              <td>{k.dineIn}</td>
              <td>{k.delivery}</td>
              <td>{k.served}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('today.deliveryList')}</h3>
      {today.delivery.length === 0 && <p>{t('today.none')}</p>}
      <ul className="staff-list">
        {today.delivery.map((d) => (
          <li key={d.orderUuid} className="staff-row">
            <span>
              {d.queueNumber} {d.elderName} · {d.dishName} ×{d.quantity} ·{' '}
              {d.address ?? t('today.noAddress')} · {d.phone}
            </span>
            {cash(d)}
            {d.state === 'open' ? (
              mark(d, 'delivered')
            ) : (
              <strong>{t(`today.state.${d.state}`)}</strong>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('today.dineInList')}</h3>
      {today.dineIn.length === 0 && <p>{t('today.none')}</p>}
      <ul className="staff-list">
        {today.dineIn.map((d) => (
          <li key={d.orderUuid} className="staff-row">
            <span>
              {d.queueNumber} {d.elderName} · {d.dishName} ×{d.quantity}
            </span>
            {cash(d)}
            {d.state === 'open' ? (
              mark(d, 'served')
            ) : (
              <strong>{t(`today.state.${d.state}`)}</strong>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('today.bookings')}</h3>
      {today.slots.length === 0 && <p>{t('today.none')}</p>}
      <ul className="staff-list">
        {today.slots.map((s) => (
          <li key={s.slotId}>
            {time(s.startsAt)} {s.serviceName} · {s.booked}/{s.capacity}
            {s.elders.length > 0 &&
              ` · ${s.elders.map((e) => `${e.bookingNumber} ${e.elderName}`).join('、')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
