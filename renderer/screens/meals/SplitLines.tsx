import { useTranslation } from 'react-i18next';
import type { FunderSplit } from '../../../contract/calls/ordering-calls';
import { yuan } from './ordering-shared';

/** 政府补一点、企业让一点、慈善捐一点、个人掏一点: who pays what, only the parts that are paid. */
export function SplitLines({ total }: { total: FunderSplit }) {
  const { t } = useTranslation('ordering');
  const parts = (['government', 'enterprise', 'charity'] as const).filter((f) => total[f] > 0);
  return (
    <ul className="ordering__split">
      <li>{t('meals.fullPrice', { yuan: yuan(total.fullFen) })}</li>
      {parts.map((f) => (
        <li key={f}>{t(`meals.${f}`, { yuan: yuan(total[f]) })}</li>
      ))}
    </ul>
  );
}

/** The amount the elder pays, in the biggest digits on the screen. */
export function BigTotal({ fen }: { fen: number }) {
  const { t } = useTranslation('ordering');
  return (
    <div>
      <p className="ordering__label">{t('meals.youPay')}</p>
      <p className="ordering__total" data-testid="ordering-total">
        {t('meals.total', { yuan: yuan(fen) })}
      </p>
    </div>
  );
}
