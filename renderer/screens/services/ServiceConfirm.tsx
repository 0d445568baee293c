import { useTranslation } from 'react-i18next';
import type { Balances, BookingView, ServiceQuote } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpokenLine } from '../../speech/speech-context';
import { ConfirmControls } from '../meals/ConfirmControls';
import { refusalKey } from '../meals/ordering-shared';
import { serviceConfirmLine } from '../../speech/lines/ordering-lines';
import { useCall } from '../meals/use-call';
import { useConfirmation } from '../meals/use-confirm';
import { slotDay, slotTime } from './slot-time';

/** 预约服务, step 3: who pays what and the total in big digits, spoken; 确认 books, 取消 goes back. */
export function ServiceConfirm({
  api,
  slotId,
  onBooked,
  onCancel,
  onHome,
}: {
  api: KioskApi;
  slotId: string;
  onBooked: (booking: BookingView) => void;
  onCancel: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const common = useTranslation().t;
  const quote = useCall(api, 'services.quote', { slotId });
  const balances = useCall(api, 'meals.balances', {});
  return (
    <ScreenFrame title={t('services.confirmTitle')} onBack={onCancel} onHome={onHome}>
      {quote.kind === 'loading' && <p className="screen__lead">{t('services.loading')}</p>}
      {quote.kind === 'failed' && (
        <div className="ordering">
          <p className="ordering__notice">{t(refusalKey(quote.error))}</p>
          <BigButton
            icon="⬅"
            label={common('common.back')}
            variant="secondary"
            onClick={onCancel}
          />
        </div>
      )}
      {quote.kind === 'ready' && balances.kind !== 'loading' && (
        <ConfirmBody
          api={api}
          quote={quote.value}
          balances={balances.kind === 'ready' ? balances.value : null}
          onBooked={onBooked}
          onCancel={onCancel}
        />
      )}
    </ScreenFrame>
  );
}

function ConfirmBody({
  api,
  quote,
  balances,
  onBooked,
  onCancel,
}: {
  api: KioskApi;
  quote: ServiceQuote;
  balances: Balances | null;
  onBooked: (b: BookingView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('ordering');
  const confirmation = useConfirmation({
    balances,
    personalFen: quote.total.personal,
    spokenBusy: 'ordering:services.booking',
    send: (uuid, payment) => api.call('services.book', { uuid, slotId: quote.slot.id, payment }),
    onDone: onBooked,
  });
  const day = slotDay(quote.slot.startsAt);
  const time = slotTime(quote.slot.startsAt);
  const spoken = serviceConfirmLine(quote);
  useSpokenLine(spoken.key, spoken.params);
  return (
    <div className="ordering">
      <p className="ordering__label">
        <span aria-hidden="true">{quote.service.icon} </span>
        {quote.service.name} · {day} {time}
      </p>
      {quote.purchasedMinutes > 0 && (
        <p className="ordering__text">
          {t('services.purchased', { minutes: quote.purchasedMinutes })}
        </p>
      )}
      <ConfirmControls
        total={quote.total}
        balances={balances}
        confirmation={confirmation}
        busyText={t('services.booking')}
        confirmTestId="booking-confirm"
        onCancel={onCancel}
      />
    </div>
  );
}
