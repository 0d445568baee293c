import { useTranslation } from 'react-i18next';
import type { MealOrderView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { useSpokenLine } from '../../speech/speech-context';
import { mealTicketLine } from '../../speech/lines/ordering-lines';
import { TicketScreen } from './TicketScreen';
import { useReprint } from './use-reprint';

/**
 * 订餐, step 3 (after the commit returned): the pick-up number in the largest type, spoken; what
 * to do about cash; and, when the ticket did not print, a reprint button (the order stands).
 */
export function MealTicket({
  api,
  order,
  onDone,
  onHome,
}: {
  api: KioskApi;
  order: MealOrderView;
  onDone: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const [view, reprint] = useReprint(order, (uuid) => api.call('meals.reprint', { uuid }));
  const cash = view.paymentState === 'awaiting-cash';
  const personal = view.quote.total.personal;
  // 午餐零一二号: the sitting's word and the ticket's digits as printed, from the locale (no 号 here).
  const spoken = mealTicketLine(view);
  useSpokenLine(spoken.key, spoken.params);
  return (
    <TicketScreen
      title={t('meals.doneTitle')}
      numberLabel={t('meals.queue')}
      number={view.queueNumber}
      numberTestId="ordering-queue"
      icon={view.quote.dish.icon}
      personalFen={personal}
      awaitingCash={cash}
      printFailed={view.printState === 'failed'}
      takeTicketText={t('meals.takeTicket')}
      onReprint={() => void reprint()}
      onDone={onDone}
      onHome={onHome}
    >
      {view.quote.dish.name} x{view.quote.quantity}
    </TicketScreen>
  );
}
