import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReprintKind } from '../../contract/calls/counter-calls';
import type { PrintState } from '../../contract/calls/ordering-calls';
import type { TodayView } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import type { ApiError } from '../../contract/result';
import { BigButton } from '../components/BigButton';

/** What the last counter action came to: shown as one status line above the lists. */
export type CounterNote =
  { kind: 'reprinted' | 'reprintFailed' } | { kind: 'refused'; error: ApiError };

export interface CounterActions {
  note: CounterNote | null;
  reprint: (kind: ReprintKind, uuid: string) => Promise<void>;
  confirmCash: (record: { orderUuid: string } | { bookingUuid: string }) => Promise<void>;
}

/**
 * 补打 and 收现金 from the 今日 lists: each calls the core, says how it went, and hands back a
 * fresh 今日 (a reprint changes a print state, a confirmation the cash lists).
 */
export function useCounterActions(
  api: KioskApi,
  onToday: (today: TodayView) => void,
): CounterActions {
  const [note, setNote] = useState<CounterNote | null>(null);
  const reload = useCallback(async () => {
    const r = await api.call('staff.today', {});
    if (r.ok) onToday(r.value);
  }, [api, onToday]);
  const reprint = useCallback(
    async (kind: ReprintKind, uuid: string) => {
      const r = await api.call('staff.reprint', { kind, uuid });
      if (!r.ok) setNote({ kind: 'refused', error: r.error });
      else setNote({ kind: r.value.printState === 'printed' ? 'reprinted' : 'reprintFailed' });
      await reload();
    },
    [api, reload],
  );
  const confirmCash = useCallback(
    async (record: { orderUuid: string } | { bookingUuid: string }) => {
      const r = await api.call('staff.confirmCash', record);
      if (r.ok) {
        setNote(null);
        onToday(r.value);
      } else {
        setNote({ kind: 'refused', error: r.error });
        await reload();
      }
    },
    [api, onToday, reload],
  );
  return { note, reprint, confirmCash };
}

/** A record's print state in words (never by colour alone), with 补打 when it did not print. */
export function PrintStateControl({
  state,
  onReprint,
  testId,
}: {
  state: PrintState;
  onReprint: () => void;
  testId: string;
}) {
  const { t } = useTranslation('staff');
  return (
    <>
      <span data-testid={`${testId}-state`}>
        {state === 'failed' ? '⚠ ' : ''}
        {t(`today.printState.${state}`)}
      </span>
      {state !== 'printed' && (
        <BigButton
          icon="🖨"
          label={t('today.reprint')}
          onClick={onReprint}
          compact
          testId={testId}
        />
      )}
    </>
  );
}

export function CashButton({
  fen,
  onConfirm,
  testId,
}: {
  fen: number | null;
  onConfirm: () => void;
  testId: string;
}) {
  const { t } = useTranslation('staff');
  if (fen === null) return null;
  return (
    <BigButton
      icon="💴"
      label={t('today.confirmCash', { yuan: (fen / 100).toFixed(2) })}
      onClick={onConfirm}
      compact
      testId={testId}
    />
  );
}
