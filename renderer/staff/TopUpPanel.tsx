import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topUpLimits, type TopUpView } from '../../contract/calls/counter-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import type { ElderView } from '../../contract/views';
import { BigButton } from '../components/BigButton';
import { fenToYuanText, yuanToFen } from './top-up-amount';
import { refusalKey, useStaffAction } from './use-staff-action';

const QUICK_YUAN = [10, 20, 50, 100];
const newUuid = (): string => crypto.randomUUID();

/**
 * 餐费充值 at the counter: staff take the elder's cash and credit it to their meal wallet. The
 * amount is shown in large type before it is confirmed; the receipt prints after the commit, and
 * a receipt that did not print can be printed again (the money is credited either way).
 */
export function TopUpPanel({
  api,
  elder,
  onBack,
}: {
  api: KioskApi;
  elder: Pick<ElderView, 'id' | 'name'>;
  onBack: () => void;
}) {
  const { t } = useTranslation('staff');
  const [text, setText] = useState('');
  // One uuid per top-up: a retry after a lost reply finds the same top-up, never a second one.
  const [uuid, setUuid] = useState(newUuid);
  const [done, setDone] = useState<TopUpView | null>(null);
  const [walletFen, setWalletFen] = useState<number | null>(null);
  const topUp = useStaffAction<TopUpView>();
  const reprint = useStaffAction<{ printState: string }>();
  const fen = yuanToFen(text);
  const limits = { min: topUpLimits.minFen / 100, max: topUpLimits.maxFen / 100 };

  useEffect(() => {
    void api.call('meals.balances', {}).then((r) => r.ok && setWalletFen(r.value.mealWalletFen));
  }, [api, done]);

  const confirm = async () => {
    if (fen === null) return;
    const v = await topUp.run(() =>
      api.call('staff.topUp', { uuid, elderId: elder.id, amountFen: fen }),
    );
    if (v) setDone(v);
  };
  const another = () => {
    setDone(null);
    setText('');
    setUuid(newUuid());
  };
  const error = topUp.error ?? reprint.error;

  return (
    <section className="staff-panel staff-topup" aria-labelledby="staff-topup-title">
      {/* the page's one h1: the panel stands alone while staff act for the elder */}
      <h1 id="staff-topup-title">{t('topUp.title', { name: elder.name })}</h1>
      {walletFen !== null && (
        <p className="staff-topup__balance" data-testid="staff-topup-balance">
          {t('topUp.balance', { yuan: fenToYuanText(walletFen) })}
        </p>
      )}
      {done === null ? (
        <>
          <div className="staff-form">
            <label htmlFor="staff-topup-amount">{t('topUp.amount')}</label>
            <input
              id="staff-topup-amount"
              className="staff-topup__amount"
              inputMode="decimal"
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoComplete="off"
              data-testid="staff-topup-amount"
            />
          </div>
          <p>{t('topUp.limits', limits)}</p>
          <div className="staff-actions">
            {QUICK_YUAN.map((y) => (
              <BigButton
                key={y}
                icon="💴"
                label={t('topUp.quick', { yuan: y })}
                onClick={() => setText(String(y))}
                variant="secondary"
                compact
              />
            ))}
          </div>
          {text !== '' && fen === null && (
            <p className="staff-alert" role="alert">
              {t('topUp.badAmount', limits)}
            </p>
          )}
          {fen !== null && (
            <div className="staff-actions">
              <BigButton
                icon="✔"
                label={t('topUp.confirm', { yuan: fenToYuanText(fen) })}
                onClick={() => void confirm()}
                testId="staff-topup-confirm"
              />
            </div>
          )}
        </>
      ) : (
        <div role="status" data-testid="staff-topup-done">
          <p className="staff-topup__balance">
            {t('topUp.done', {
              yuan: fenToYuanText(done.amountFen),
              balance: fenToYuanText(done.balanceAfterFen),
            })}
          </p>
          <p className={done.printState === 'printed' ? undefined : 'staff-alert'}>
            {t(done.printState === 'printed' ? 'topUp.receiptPrinted' : 'topUp.receiptFailed')}
          </p>
          <div className="staff-actions">
            {done.printState !== 'printed' && (
              <BigButton
                icon="🖨"
                label={t('topUp.reprint')}
                onClick={() =>
                  void reprint
                    .run(() => api.call('staff.reprint', { kind: 'top-up', uuid: done.uuid }))
                    .then(
                      (r) =>
                        r &&
                        setDone({
                          ...done,
                          printState: r.printState === 'printed' ? 'printed' : 'failed',
                        }),
                    )
                }
                testId="staff-topup-reprint"
              />
            )}
            <BigButton icon="➕" label={t('topUp.another')} onClick={another} variant="secondary" />
          </div>
        </div>
      )}
      {error && (
        <p className="staff-alert" role="alert">
          {t(`refused.${refusalKey(error)}`, { defaultValue: error.message })}
        </p>
      )}
      <div className="staff-actions">
        <BigButton icon="⬅" label={t('topUp.back')} onClick={onBack} variant="secondary" compact />
      </div>
    </section>
  );
}
