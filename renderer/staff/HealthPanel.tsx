import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthView } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { DeviceHealthList } from './DeviceHealthList';
import { ageIn, shortTime } from './health-format';
import { RefusedChangesList } from './RefusedChangesList';
import { useStaffAction } from './use-staff-action';

/**
 * Devices, the sync queue, pulled packs the station refused, rejected transactions (retry or
 * resolve) and the printer's paper. Read once when opened and again on 刷新: not polled, since every
 * staff call keeps the staff session awake.
 */
export function HealthPanel({ api }: { api: KioskApi }) {
  const { t } = useTranslation('staff');
  const [health, setHealth] = useState<HealthView | null>(null);
  const { run } = useStaffAction<HealthView>();
  const load = useCallback(
    () => void run(() => api.call('staff.health', {})).then((v) => v && setHealth(v)),
    [api, run],
  );
  useEffect(load, [load]);
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
      <div className="staff-row">
        <h2 id="staff-health-title">{t('health.title')}</h2>
        <BigButton
          icon="🔄"
          label={t('syncIssues.refresh')}
          onClick={load}
          compact
          variant="secondary"
          testId="staff-health-refresh"
        />
      </div>
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
        {health.sync.lastPullSuccessAt &&
          ` · ${t('syncIssues.lastPull', { at: shortTime(health.sync.lastPullSuccessAt) })}`}
        {oldest &&
          ` · ${t('health.oldestPending', { age: t(`health.age.${oldest.unit}`, oldest) })}`}
      </p>
      {/* the core sends lastError only while it is newer than the last successful push and pull */}
      {health.sync.lastError && (
        <p className="staff-alert" data-testid="staff-sync-error">
          ⚠️ {t('health.syncError', { error: health.sync.lastError })}
          {health.sync.lastErrorAt &&
            ` · ${t('syncIssues.errorAt', { at: shortTime(health.sync.lastErrorAt) })}`}
        </p>
      )}
      <RefusedChangesList refused={health.refusedChanges} />
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
