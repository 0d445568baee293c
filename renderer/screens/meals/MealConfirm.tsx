import { useTranslation } from 'react-i18next';
import type {
  Balances,
  MealOrderView,
  MealQuote,
  Sitting,
} from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpokenLine } from '../../speech/speech-context';
import { ConfirmControls } from './ConfirmControls';
import { refusalKey } from './ordering-shared';
import { mealConfirmLine } from '../../speech/lines/ordering-lines';
import { useCall } from './use-call';
import { useConfirmation } from './use-confirm';

export interface MealChoice {
  date: string;
  sitting: Sitting;
  dishId: string;
  quantity: number;
  delivery: boolean;
}

export interface MealConfirmProps {
  api: KioskApi;
  choice: MealChoice;
  onOrdered: (order: MealOrderView) => void;
  /** 取消: back to the menu, nothing ordered */
  onCancel: () => void;
  onHome: () => void;
}

/**
 * 订餐, step 2: the price split by funder and the total in big digits, spoken; 确认 commits the
 * order (the screen moves on only when the core answers that it is committed), 取消 goes back.
 */
export function MealConfirm({ api, choice, onOrdered, onCancel, onHome }: MealConfirmProps) {
  const { t } = useTranslation('ordering');
  const quote = useCall(api, 'meals.quote', choice);
  const balances = useCall(api, 'meals.balances', {});
  return (
    <ScreenFrame title={t('meals.confirmTitle')} onBack={onCancel} onHome={onHome}>
      {quote.kind === 'loading' && <p className="screen__lead">{t('meals.loading')}</p>}
      {quote.kind === 'failed' && <Refused textKey={refusalKey(quote.error)} onCancel={onCancel} />}
      {quote.kind === 'ready' && balances.kind !== 'loading' && (
        <ConfirmBody
          api={api}
          quote={quote.value}
          balances={balances.kind === 'ready' ? balances.value : null}
          onOrdered={onOrdered}
          onCancel={onCancel}
        />
      )}
    </ScreenFrame>
  );
}

function Refused({ textKey, onCancel }: { textKey: string; onCancel: () => void }) {
  const { t } = useTranslation('ordering');
  const common = useTranslation().t;
  useSpokenLine(textKey);
  return (
    <div className="ordering">
      <p className="ordering__notice">{t(textKey)}</p>
      <div className="ordering__row">
        <BigButton icon="⬅" label={common('common.back')} variant="secondary" onClick={onCancel} />
      </div>
    </div>
  );
}

export function ConfirmBody({
  api,
  quote,
  balances,
  onOrdered,
  onCancel,
}: {
  api: KioskApi;
  quote: MealQuote;
  balances: Balances | null;
  onOrdered: (o: MealOrderView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('ordering');
  const confirmation = useConfirmation({
    balances,
    personalFen: quote.total.personal,
    spokenBusy: 'ordering:meals.placing',
    send: (uuid, payment) =>
      api.call('meals.order', {
        uuid,
        date: quote.date,
        sitting: quote.sitting,
        dishId: quote.dish.id,
        quantity: quote.quantity,
        delivery: quote.delivery,
        payment,
      }),
    onDone: onOrdered,
  });
  const delivery = t(quote.delivery ? 'meals.delivery' : 'meals.dineIn');
  const spoken = mealConfirmLine(quote);
  useSpokenLine(spoken.key, spoken.params);
  return (
    <div className="ordering">
      <p className="ordering__label">
        <span aria-hidden="true">{quote.dish.icon} </span>
        {quote.dish.name} x{quote.quantity} · {delivery}
      </p>
      <ConfirmControls
        total={quote.total}
        balances={balances}
        confirmation={confirmation}
        busyText={t('meals.placing')}
        confirmTestId="ordering-confirm"
        onCancel={onCancel}
      />
    </div>
  );
}
