import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../contract/kiosk-api';
import { MyRecords, type MyRecordsText } from './MyRecords';

const TEXT: MyRecordsText = {
  title: 'meals.ordersTitle',
  loading: 'meals.loading',
  spokenList: 'spoken.orders',
  empty: 'meals.noOrders',
  cancelButton: 'meals.cancelOrder',
  cancelAsk: 'meals.cancelAsk',
  spokenCancelled: 'spoken.cancelled',
};

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
  return (
    <MyRecords
      api={api}
      list="meals.myOrders"
      text={TEXT}
      icon={(o) => o.quote.dish.icon}
      line={(o) =>
        t('meals.orderLine', {
          date: o.quote.date.slice(5),
          sitting: t(`meals.sittings.${o.quote.sitting}`),
          name: o.quote.dish.name,
          quantity: o.quote.quantity,
          queue: o.queueNumber,
        })
      }
      onBack={onBack}
      onHome={onHome}
    />
  );
}
