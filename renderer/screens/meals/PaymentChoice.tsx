import { useTranslation } from 'react-i18next';
import type { Balances, PaymentMethod } from '../../../contract/calls/ordering-calls';
import { BigButton } from '../../components/BigButton';
import { yuan } from './ordering-shared';

const ICON: Record<PaymentMethod, string> = {
  'meal-wallet': '👛',
  'subsidy-balance': '🎫',
  cash: '💴',
};

/** The method that can pay without a trip to the counter, if any: wallet, then subsidy, else cash. */
export function defaultPayment(balances: Balances | null, personalFen: number): PaymentMethod {
  if (balances && balances.mealWalletFen >= personalFen) return 'meal-wallet';
  if (balances && balances.subsidyBalanceFen >= personalFen) return 'subsidy-balance';
  return 'cash';
}

export function PaymentChoice({
  balances,
  value,
  onChange,
}: {
  balances: Balances | null;
  value: PaymentMethod;
  onChange: (p: PaymentMethod) => void;
}) {
  const { t } = useTranslation('ordering');
  const balanceOf = (p: PaymentMethod): number | null =>
    !balances
      ? null
      : p === 'meal-wallet'
        ? balances.mealWalletFen
        : p === 'subsidy-balance'
          ? balances.subsidyBalanceFen
          : null;
  return (
    <div className="ordering__row">
      <p className="ordering__label">{t('meals.payWith')}</p>
      {(['meal-wallet', 'subsidy-balance', 'cash'] as const).map((p) => {
        const left = balanceOf(p);
        const label =
          left === null
            ? t(`meals.payment.${p}`)
            : `${t(`meals.payment.${p}`)} ${t('meals.balance', { yuan: yuan(left) })}`;
        return (
          <BigButton
            key={p}
            icon={value === p ? '✅' : ICON[p]}
            label={label}
            variant={value === p ? 'primary' : 'secondary'}
            compact
            onClick={() => onChange(p)}
          />
        );
      })}
    </div>
  );
}
