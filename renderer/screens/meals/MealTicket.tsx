import { useTranslation } from 'react-i18next';
import type { MealOrderView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { useSpokenLine } from '../../speech/speech-context';
import { spokenYuan } from './ordering-shared';
import { TicketScreen } from './TicketScreen';
import { useReprint } from './use-reprint';

/** The spoken queue number: "午012" is read as 午餐 12 号 rather than digit by digit. */
const spokenQueue = (queue: string, lunch: string, dinner: string): string =>
  `${queue.startsWith('午') ? lunch : dinner}${Number(queue.slice(1))}号`;

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
  const queue = spokenQueue(
    view.queueNumber,
    t('meals.sittings.lunch'),
    t('meals.sittings.dinner'),
  );
  const cash = view.paymentState === 'awaiting-cash';
  const personal = view.quote.total.personal;
  useSpokenLine(
    view.printState === 'failed'
      ? 'ordering:spoken.printFailed'
      : cash
        ? 'ordering:spoken.orderedCash'
        : 'ordering:spoken.ordered',
    { queue, yuan: spokenYuan(personal) },
  );
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
