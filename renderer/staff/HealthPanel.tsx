import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthView } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { DeviceHealthList } from './DeviceHealthList';
import { ageIn, shortTime } from './health-format';
import { useStaffAction } from './use-staff-action';

/** Devices, the sync queue, rejected transactions (retry or resolve) and the printer's paper. */
export function HealthPanel({ api }: { api: KioskApi }) {
  const { t } = useTranslation('staff');
  const [health, setHealth] = useState<HealthView | null>(null);
  const { run } = useStaffAction<HealthView>();
  useEffect(() => {
    void run(() => api.call('staff.health', {})).then((v) => v && setHealth(v));
  }, [api, run]);
  if (!health) return <p>{t('loading')}</p>;
  const oldest =
    health.sync.oldestPendingAgeSeconds === null
      ? null
      : ageIn(health.sync.oldestPendingAgeSeconds);
  const set = (v: HealthView | null): void => {
    if (v) setHealth(v);
  };

  return (
    <section aria-labelledby="staff-health-title" className="staff-panel">
      <h2 id="staff-health-title">{t('health.title')}</h2>
      {health.printer.paperOut && (
        <p className="staff-alert" role="alert" data-testid="staff-paper-out">
          🧻 {t('health.paperOut')}
        </p>
      )}
      <h3>{t('health.devices')}</h3>
      <DeviceHealthList devices={health.devices} />
      <h3>{t('health.sync')}</h3>
      <p data-testid="staff-sync">
        {t('health.syncCounts', {
          pending: health.sync.pending + health.sync.sending,
          synced: health.sync.synced,
          rejected: health.sync.rejected,
        })}
        {health.sync.lastPushSuccessAt &&
          ` · ${t('health.lastPush', { at: shortTime(health.sync.lastPushSuccessAt) })}`}
        {oldest &&
          ` · ${t('health.oldestPending', { age: t(`health.age.${oldest.unit}`, oldest) })}`}
      </p>
      {/* the core clears lastError when a push succeeds: a shown error is newer than the last success */}
      {health.sync.lastError && (
        <p className="staff-alert" data-testid="staff-sync-error">
          ⚠️ {t('health.syncError', { error: health.sync.lastError })}
        </p>
      )}
      <h3>{t('health.deadLetters')}</h3>
      {health.deadLetters.length === 0 && <p>{t('health.noDeadLetters')}</p>}
      <ul className="staff-list">
        {health.deadLetters.map((d) => (
          <li key={d.uuid} className="staff-row">
            <span>
              #{d.seq} {d.type} · {d.reason}
            </span>
            <BigButton
              icon="🔁"
              label={t('health.retry')}
              onClick={() =>
                void run(() => api.call('staff.retryDeadLetter', { uuid: d.uuid })).then(set)
              }
              compact
            />
            <BigButton
              icon="✔"
              label={t('health.resolve')}
              onClick={() =>
                void run(() => api.call('staff.resolveDeadLetter', { uuid: d.uuid })).then(set)
              }
              variant="secondary"
              compact
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
