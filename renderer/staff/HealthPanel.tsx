import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthView } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
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
      {health.devices.length === 0 && <p>{t('health.noDevices')}</p>}
      <ul className="staff-list">
        {health.devices.map((d) => (
          <li key={d.source}>
            {d.connected ? '✅' : '❌'} {d.kind} · {d.source} ·{' '}
            {d.connected ? t('health.connected') : t('health.disconnected')}
            {d.detail ? ` · ${d.detail}` : ''}
          </li>
        ))}
      </ul>
      <h3>{t('health.sync')}</h3>
      <p data-testid="staff-sync">
        {t('health.syncCounts', {
          pending: health.sync.pending + health.sync.sending,
          synced: health.sync.synced,
          rejected: health.sync.rejected,
        })}
        {health.sync.lastPushSuccessAt &&
          ` · ${t('health.lastPush', { at: health.sync.lastPushSuccessAt.slice(0, 16) })}`}
      </p>
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
