import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Balances,
  BookingView,
  PaymentMethod,
  ServiceQuote,
} from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpeech, useSpokenLine } from '../../speech/speech-context';
import { newUuid, refusalKey, spokenYuan } from '../meals/ordering-shared';
import { PaymentChoice, defaultPayment } from '../meals/PaymentChoice';
import { BigTotal, SplitLines } from '../meals/SplitLines';
import { useCall } from '../meals/use-call';
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
  const common = useTranslation().t;
  const { say } = useSpeech();
  const personal = quote.total.personal;
  const [payment, setPayment] = useState<PaymentMethod>(() => defaultPayment(balances, personal));
  const [uuid] = useState(newUuid);
  const [booking, setBooking] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const day = slotDay(quote.slot.startsAt);
  const time = slotTime(quote.slot.startsAt);
  useSpokenLine('ordering:spoken.confirmService', {
    name: quote.service.name,
    day,
    time,
    yuan: spokenYuan(personal),
  });
  const confirm = async () => {
    if (booking) return;
    setBooking(true);
    say({ key: 'ordering:services.booking' });
    const result = await api.call('services.book', { uuid, slotId: quote.slot.id, payment });
    setBooking(false);
    if (result.ok) onBooked(result.value);
    else {
      const key = refusalKey(result.error);
      setRefusal(key);
      say({ key: 'ordering:spoken.refused', params: { text: t(key) } });
    }
  };
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
      <SplitLines total={quote.total} />
      <BigTotal fen={personal} />
      {personal > 0 && <PaymentChoice balances={balances} value={payment} onChange={setPayment} />}
      {refusal && <p className="ordering__notice">{t(refusal)}</p>}
      {booking && <p className="ordering__text">{t('services.booking')}</p>}
      <div className="ordering__row">
        <BigButton
          icon="✔"
          label={common('common.confirm')}
          onClick={() => void confirm()}
          testId="booking-confirm"
        />
        <BigButton
          icon="✖"
          label={common('common.cancel')}
          variant="secondary"
          onClick={onCancel}
        />
      </div>
    </div>
  );
}
