import { useTranslation } from 'react-i18next';
import type { RefusedChangeView } from '../../contract/calls/staff-calls';
import { shortTime } from './health-format';

/**
 * Policy packs (and any other pulled change) the station would not take, each with the loader's
 * reason naming the pack item and field: staff read it to the district office on the phone. The
 * station keeps using what it had, so this is a warning, not a failure of the kiosk.
 */
export function RefusedChangesList({ refused }: { refused: RefusedChangeView[] }) {
  const { t } = useTranslation('staff');
  if (refused.length === 0) return null;
  return (
    <>
      <h3>{t('syncIssues.refusedTitle')}</h3>
      <p>{t('syncIssues.refusedKept')}</p>
      <ul className="staff-list">
        {refused.map((r) => (
          <li
            key={`${r.kind}/${r.key}`}
            className="staff-refused"
            data-testid={`staff-refused-${r.kind}-${r.key}`}
          >
            <div className="staff-refused__what">
              ⛔{' '}
              {t(r.kind === 'policy-pack' ? 'syncIssues.refusedPack' : 'syncIssues.refusedOther', {
                kind: r.kind,
                key: r.key,
                version: r.version ?? '—',
              })}
            </div>
            <div>{t('syncIssues.refusedReason', { reason: r.reason })}</div>
            <div>{t('syncIssues.refusedAt', { at: shortTime(r.at) })}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
