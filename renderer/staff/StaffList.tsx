import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../contract/kiosk-api';
import type { StaffView } from '../../contract/views';
import { BigButton } from '../components/BigButton';
import { refusalKey, useStaffAction } from './use-staff-action';

type Listed = StaffView & { locked: boolean };

/** Supervisors: who is locked out, and the reset that lets them sign in again. */
export function StaffList({ api }: { api: KioskApi }) {
  const { t } = useTranslation('staff');
  const [staff, setStaff] = useState<Listed[]>([]);
  const list = useStaffAction<Listed[]>();
  const reset = useStaffAction<StaffView>();
  const { run } = list;
  useEffect(() => {
    void run(() => api.call('staff.list', {})).then((v) => v && setStaff(v));
  }, [api, run]);

  return (
    <section aria-labelledby="staff-list-title" className="staff-panel">
      <h2 id="staff-list-title">{t('staffList.title')}</h2>
      <ul className="staff-list">
        {staff.map((s) => (
          <li key={s.id} className="staff-row">
            <span>
              {s.name} · {t(`role.${s.role}`)} ·{' '}
              {s.locked ? `🔒 ${t('staffList.locked')}` : t('staffList.ok')}
            </span>
            {s.locked && (
              <BigButton
                icon="🔓"
                label={t('staffList.reset')}
                onClick={() =>
                  void reset
                    .run(() => api.call('staff.resetPin', { staffId: s.id }))
                    .then(() => run(() => api.call('staff.list', {})))
                    .then((v) => v && setStaff(v))
                }
                compact
              />
            )}
          </li>
        ))}
      </ul>
      {reset.error && (
        <p className="staff-alert" role="alert">
          {t(`refused.${refusalKey(reset.error)}`, { defaultValue: reset.error.message })}
        </p>
      )}
    </section>
  );
}
