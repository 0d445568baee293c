import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../contract/kiosk-api';
import type { StaffView } from '../../contract/views';
import { BigButton } from '../components/BigButton';
import { NewPinForm } from './NewPinForm';
import { refusalKey, useStaffAction } from './use-staff-action';

type Listed = StaffView & { locked: boolean };

/**
 * Supervisors: who is locked out; a new PIN (entered twice) for anyone but themselves, which also
 * unlocks; or, for a locked card whose owner still knows the PIN, an unlock alone.
 */
export function StaffList({ api, selfId }: { api: KioskApi; selfId: string }) {
  const { t } = useTranslation('staff');
  const [staff, setStaff] = useState<Listed[]>([]);
  const [resetting, setResetting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useStaffAction<Listed[]>();
  const reset = useStaffAction<StaffView>();
  const { run } = list;
  const reload = useCallback(
    () => void run(() => api.call('staff.list', {})).then((v) => v && setStaff(v)),
    [api, run],
  );
  useEffect(reload, [reload]);

  const resetPin = (s: Listed, newPin?: string): void =>
    void reset
      .run(() => api.call('staff.resetPin', newPin ? { staffId: s.id, newPin } : { staffId: s.id }))
      .then((v) => {
        setResetting(null);
        if (v) setDone(t(newPin ? 'staffList.pinSet' : 'staffList.unlocked', { name: v.name }));
        reload();
      });

  return (
    <section aria-labelledby="staff-list-title" className="staff-panel">
      <h2 id="staff-list-title">{t('staffList.title')}</h2>
      <ul className="staff-list">
        {staff.map((s) => (
          <li key={s.id} className="staff-row" data-testid={`staff-row-${s.id}`}>
            <span>
              {s.name} · {t(`role.${s.role}`)} ·{' '}
              {s.locked ? `🔒 ${t('staffList.locked')}` : t('staffList.ok')}
            </span>
            {s.id !== selfId && resetting !== s.id && (
              <BigButton
                icon="🔑"
                label={t('staffList.reset')}
                onClick={() => {
                  setDone(null);
                  setResetting(s.id);
                }}
                compact
                testId={`staff-reset-${s.id}`}
              />
            )}
            {s.id !== selfId && s.locked && resetting !== s.id && (
              <BigButton
                icon="🔓"
                label={t('staffList.unlock')}
                onClick={() => resetPin(s)}
                variant="secondary"
                compact
                testId={`staff-unlock-${s.id}`}
              />
            )}
            {resetting === s.id && (
              <NewPinForm
                name={s.name}
                onPin={(pin) => resetPin(s, pin)}
                onCancel={() => setResetting(null)}
              />
            )}
          </li>
        ))}
      </ul>
      {done && (
        <p className="staff-done" role="status" data-testid="staff-reset-done">
          ✔ {done}
        </p>
      )}
      {reset.error && (
        <p className="staff-alert" role="alert">
          {t(`refused.${refusalKey(reset.error)}`, { defaultValue: reset.error.message })}
        </p>
      )}
    </section>
  );
}
