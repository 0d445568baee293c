import { useTranslation } from 'react-i18next';
import type { DeviceStatusView } from '../../contract/calls/device-calls';
import { shortTime } from './health-format';

/**
 * Each device as the device manager reports it: connected or not and why, when it last read a
 * card or button, how many errors (and the last one), and how often it had to be reopened — what
 * a technician on the phone asks first.
 */
export function DeviceHealthList({ devices }: { devices: DeviceStatusView[] }) {
  const { t } = useTranslation('staff');
  if (devices.length === 0) return <p>{t('health.noDevices')}</p>;
  return (
    <ul className="staff-list">
      {devices.map((d) => (
        <li key={d.source} data-testid={`staff-device-${d.source}`}>
          <div>
            {d.connected ? '✅' : '❌'} {d.kind} · {d.source} ·{' '}
            {d.connected ? t('health.connected') : t('health.disconnected')}
            {d.detail ? ` · ${d.detail}` : ''}
          </div>
          <div className="staff-device__facts">
            {d.lastEventAt
              ? t('health.lastEvent', { at: shortTime(d.lastEventAt) })
              : t('health.noEvent')}
            {' · '}
            {d.errors > 0
              ? t('health.errors', { count: d.errors, last: d.lastError ?? '' })
              : t('health.noErrors')}
            {' · '}
            {t('health.reconnects', { count: d.reconnects })}
          </div>
        </li>
      ))}
    </ul>
  );
}
