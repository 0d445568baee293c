import { useTranslation } from 'react-i18next';
import type { TodayView } from '../../contract/calls/staff-calls';
import { refusalKey } from './use-staff-action';
import { CashButton, type CounterActions } from './counter-actions';
import { BigButton } from '../components/BigButton';

/** "11-24 09:00" for a booking, "11-24" for a meal's day. */
const shortWhen = (when: string): string =>
  when.length > 10 ? `${when.slice(5, 10)} ${when.slice(11, 16)}` : when.slice(5, 10);

/** How the last 补打 or 收现金 went, in one line staff cannot miss. */
export function CounterNoteLine({ note }: { note: CounterActions['note'] }) {
  const { t } = useTranslation('staff');
  if (note === null) return null;
  if (note.kind === 'refused')
    return (
      <p className="staff-alert" role="alert">
        {t(`refused.${refusalKey(note.error)}`, { defaultValue: note.error.message })}
      </p>
    );
  return (
    <p className={note.kind === 'reprinted' ? undefined : 'staff-alert'} role="status">
      {t(`today.${note.kind}`)}
    </p>
  );
}

/**
 * The two lists the counter works from whatever the day: records still owing cash (收现金) and
 * tickets that did not print (补打), orders and bookings together.
 */
export function CounterLists({ today, actions }: { today: TodayView; actions: CounterActions }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <h3>{t('today.unprinted')}</h3>
      {today.unprinted.length === 0 && <p>{t('today.none')}</p>}
      <ul className="staff-list" data-testid="staff-unprinted">
        {today.unprinted.map((u) => (
          <li key={u.uuid} className="staff-row">
            <span>
              {t(`today.kind.${u.kind}`)} {u.number} {u.elderName} · {u.what} · {shortWhen(u.when)}
            </span>
            <BigButton
              icon="🖨"
              label={t('today.reprint')}
              onClick={() => void actions.reprint(u.kind, u.uuid)}
              compact
              testId={`staff-reprint-${u.uuid}`}
            />
          </li>
        ))}
      </ul>
      <h3>{t('today.cashDue')}</h3>
      {today.cashDue.length === 0 && <p>{t('today.none')}</p>}
      <ul className="staff-list" data-testid="staff-cash-due">
        {today.cashDue.map((c) => (
          <li key={c.uuid} className="staff-row">
            <span>
              {t(`today.kind.${c.kind}`)} {c.number} {c.elderName} · {c.what} · {shortWhen(c.when)}
            </span>
            <CashButton
              fen={c.cashDueFen}
              onConfirm={() =>
                void actions.confirmCash(
                  c.kind === 'order' ? { orderUuid: c.uuid } : { bookingUuid: c.uuid },
                )
              }
              testId={`staff-cash-${c.uuid}`}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
