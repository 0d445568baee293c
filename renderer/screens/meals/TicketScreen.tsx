import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { yuan } from './ordering-shared';
import { BigTotal } from './SplitLines';

/**
 * The screen after a commit returned: the pick-up or booking number in the largest type, what was
 * ordered or booked (the children), the elder's total, what to do about cash, and, when the ticket
 * did not print, a reprint button (the record stands).
 */
export function TicketScreen({
  title,
  numberLabel,
  number,
  numberTestId,
  icon,
  children,
  personalFen,
  awaitingCash,
  printFailed,
  takeTicketText,
  onReprint,
  onDone,
  onHome,
}: {
  title: string;
  numberLabel: string;
  number: string;
  numberTestId: string;
  icon: string;
  children: ReactNode;
  personalFen: number;
  awaitingCash: boolean;
  printFailed: boolean;
  /** shown when the ticket printed */
  takeTicketText: string;
  onReprint: () => void;
  onDone: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const common = useTranslation().t;
  return (
    <ScreenFrame title={title} onHome={onHome}>
      <div className="ordering">
        <p className="ordering__label">{numberLabel}</p>
        <p className="ordering__queue" data-testid={numberTestId}>
          {number}
        </p>
        <p className="ordering__label">
          <span aria-hidden="true">{icon} </span>
          {children}
        </p>
        <BigTotal fen={personalFen} />
        {awaitingCash && (
          <p className="ordering__notice">{t('meals.awaitingCash', { yuan: yuan(personalFen) })}</p>
        )}
        {printFailed ? (
          <>
            <p className="ordering__notice">{t('meals.printFailed')}</p>
            <div className="ordering__row">
              <BigButton icon="🖨" label={t('meals.reprint')} onClick={onReprint} />
            </div>
          </>
        ) : (
          <p className="ordering__text">{takeTicketText}</p>
        )}
        <div className="ordering__row">
          <BigButton icon="✔" label={common('common.ok')} onClick={onDone} />
        </div>
      </div>
    </ScreenFrame>
  );
}
