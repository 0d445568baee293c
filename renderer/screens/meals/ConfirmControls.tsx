import { useTranslation } from 'react-i18next';
import type { Balances, FunderSplit } from '../../../contract/calls/ordering-calls';
import { BigButton } from '../../components/BigButton';
import { PaymentChoice } from './PaymentChoice';
import { BigTotal, SplitLines } from './SplitLines';
import type { Confirmation } from './use-confirm';

/**
 * The lower part of a confirmation screen: who pays what, the elder's total in big digits, how to
 * pay (when there is anything to pay), what went wrong, and 确认 / 取消.
 */
export function ConfirmControls({
  total,
  balances,
  confirmation,
  busyText,
  confirmTestId,
  onCancel,
}: {
  total: FunderSplit;
  balances: Balances | null;
  confirmation: Confirmation;
  /** shown while the call is on its way */
  busyText: string;
  confirmTestId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation('ordering');
  const common = useTranslation().t;
  const { payment, setPayment, busy, refusal, confirm } = confirmation;
  return (
    <>
      <SplitLines total={total} />
      <BigTotal fen={total.personal} />
      {total.personal > 0 && (
        <PaymentChoice balances={balances} value={payment} onChange={setPayment} />
      )}
      {refusal && <p className="ordering__notice">{t(refusal)}</p>}
      {busy && <p className="ordering__text">{busyText}</p>}
      <div className="ordering__row">
        <BigButton
          icon="✔"
          label={common('common.confirm')}
          onClick={() => void confirm()}
          testId={confirmTestId}
        />
        <BigButton
          icon="✖"
          label={common('common.cancel')}
          variant="secondary"
          onClick={onCancel}
        />
      </div>
    </>
  );
}
