import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MealOrderView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpeech, useSpokenLine } from '../../speech/speech-context';
import { refusalKey } from './ordering-shared';
import { useCall } from './use-call';

/** 我的订餐: today's and later orders; one that is still before its cut-off can be cancelled. */
export function MyMealOrders({
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
  const load = useCall(api, 'meals.myOrders', {}, reload);
  return (
    <ScreenFrame title={t('meals.ordersTitle')} onBack={onBack} onHome={onHome}>
      {load.kind === 'loading' && <p className="screen__lead">{t('meals.loading')}</p>}
      {load.kind === 'failed' && <p className="ordering__notice">{t(refusalKey(load.error))}</p>}
      {load.kind === 'ready' && (
        <OrderList api={api} orders={load.value} onChanged={() => setReload((n) => n + 1)} />
      )}
    </ScreenFrame>
  );
}

function OrderList({
  api,
  orders,
  onChanged,
}: {
  api: KioskApi;
  orders: MealOrderView[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('ordering');
  const common = useTranslation().t;
  const { say } = useSpeech();
  const [asking, setAsking] = useState<string | null>(null);
  useSpokenLine('ordering:spoken.orders', { count: orders.length });
  const cancel = async (uuid: string) => {
    const result = await api.call('meals.cancel', { uuid });
    setAsking(null);
    if (result.ok) say({ key: 'ordering:spoken.cancelled' });
    else say({ key: 'ordering:spoken.refused', params: { text: t(refusalKey(result.error)) } });
    onChanged();
  };
  if (orders.length === 0) return <p className="screen__lead">{t('meals.noOrders')}</p>;
  return (
    <div className="ordering">
      {orders.map((o) => (
        <div key={o.uuid} className="ordering__item">
          <p className="ordering__label">
            <span aria-hidden="true">{o.quote.dish.icon} </span>
            {t('meals.orderLine', {
              date: o.quote.date.slice(5),
              sitting: t(`meals.sittings.${o.quote.sitting}`),
              name: o.quote.dish.name,
              quantity: o.quote.quantity,
              queue: o.queueNumber,
            })}
          </p>
          {o.status === 'cancelled' && <p className="ordering__text">{t('meals.cancelled')}</p>}
          {o.cancellable && asking !== o.uuid && (
            <div className="ordering__row">
              <BigButton
                icon="✖"
                label={t('meals.cancelOrder')}
                variant="secondary"
                onClick={() => {
                  setAsking(o.uuid);
                  say({ key: 'ordering:meals.cancelAsk' });
                }}
              />
            </div>
          )}
          {asking === o.uuid && (
            <div className="ordering__row">
              <p className="ordering__text">{t('meals.cancelAsk')}</p>
              <BigButton
                icon="✔"
                label={common('common.confirm')}
                onClick={() => void cancel(o.uuid)}
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
