import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MealOrderView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpokenLine } from '../../speech/speech-context';
import { spokenYuan, yuan } from './ordering-shared';
import { BigTotal } from './SplitLines';

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
  const common = useTranslation().t;
  const [view, setView] = useState(order);
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
  const reprint = async () => {
    const result = await api.call('meals.reprint', { uuid: view.uuid });
    if (result.ok) setView(result.value);
  };
  return (
    <ScreenFrame title={t('meals.doneTitle')} onHome={onHome}>
      <div className="ordering">
        <p className="ordering__label">{t('meals.queue')}</p>
        <p className="ordering__queue" data-testid="ordering-queue">
          {view.queueNumber}
        </p>
        <p className="ordering__label">
          <span aria-hidden="true">{view.quote.dish.icon} </span>
          {view.quote.dish.name} x{view.quote.quantity}
        </p>
        <BigTotal fen={personal} />
        {cash && (
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
          <p className="ordering__text">{t('meals.takeTicket')}</p>
        )}
        <div className="ordering__row">
          <BigButton icon="✔" label={common('common.ok')} onClick={onDone} />
        </div>
      </div>
    </ScreenFrame>
  );
}
