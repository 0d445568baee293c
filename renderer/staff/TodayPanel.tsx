import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryItem, TodayView } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { CashButton, PrintStateControl, useCounterActions } from './counter-actions';
import { CounterLists, CounterNoteLine } from './CounterLists';
import { useStaffAction } from './use-staff-action';

const time = (iso: string): string => iso.slice(11, 16);

/**
 * The kitchen's counts, the delivery and dine-in lists with serve/deliver, today's bookings, and
 * the counter's money and tickets: each record's print state with 补打, cash to collect with
 * 收现金, for meal orders and service bookings alike.
 */
export function TodayPanel({ api }: { api: KioskApi }) {
  const { t } = useTranslation('staff');
  const [today, setToday] = useState<TodayView | null>(null);
  const { run } = useStaffAction<TodayView>();
  const actions = useCounterActions(api, setToday);

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
  const orderRow = (d: DeliveryItem, state: 'served' | 'delivered', text: string) => (
    <li key={d.orderUuid} className="staff-row">
      <span>{text}</span>
      <PrintStateControl
        state={d.printState}
        onReprint={() => void actions.reprint('order', d.orderUuid)}
        testId={`staff-order-reprint-${d.orderUuid}`}
      />
      <CashButton
        fen={d.cashDueFen}
        onConfirm={() => void actions.confirmCash({ orderUuid: d.orderUuid })}
        testId={`staff-order-cash-${d.orderUuid}`}
      />
      {d.state === 'open' ? mark(d, state) : <strong>{t(`today.state.${d.state}`)}</strong>}
    </li>
  );

  return (
    <section aria-labelledby="staff-today-title" className="staff-panel">
      <h2 id="staff-today-title">{t('today.title', { date: today.date })}</h2>
      <CounterNoteLine note={actions.note} />
      <CounterLists today={today} actions={actions} />
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
        {today.delivery.map((d) =>
          orderRow(
            d,
            'delivered',
            `${d.queueNumber} ${d.elderName} · ${d.dishName} ×${d.quantity} · ${
              d.address ?? t('today.noAddress')
            } · ${d.phone}`,
          ),
        )}
      </ul>
      <h3>{t('today.dineInList')}</h3>
      {today.dineIn.length === 0 && <p>{t('today.none')}</p>}
      <ul className="staff-list">
        {today.dineIn.map((d) =>
          orderRow(d, 'served', `${d.queueNumber} ${d.elderName} · ${d.dishName} ×${d.quantity}`),
        )}
      </ul>
      <h3>{t('today.bookings')}</h3>
      {today.slots.length === 0 && <p>{t('today.none')}</p>}
      <ul className="staff-list">
        {today.slots.map((s) => (
          <li key={s.slotId}>
            {time(s.startsAt)} {s.serviceName} · {s.booked}/{s.capacity}
            <ul className="staff-list">
              {s.elders.map((e) => (
                <li key={e.bookingUuid} className="staff-row">
                  <span>
                    {e.bookingNumber} {e.elderName}
                  </span>
                  <PrintStateControl
                    state={e.printState}
                    onReprint={() => void actions.reprint('booking', e.bookingUuid)}
                    testId={`staff-booking-reprint-${e.bookingUuid}`}
                  />
                  <CashButton
                    fen={e.cashDueFen}
                    onConfirm={() => void actions.confirmCash({ bookingUuid: e.bookingUuid })}
                    testId={`staff-booking-cash-${e.bookingUuid}`}
                  />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
