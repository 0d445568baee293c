import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElderMatch } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { refusalKey, useStaffAction } from './use-staff-action';

/** Find an elder by name, phone or the last 4 ID digits, then act for them. */
export function ElderLookup({ api }: { api: KioskApi }) {
  const { t } = useTranslation('staff');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<ElderMatch[] | null>(null);
  const search = useStaffAction<ElderMatch[]>();

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!query.trim()) return;
    void search.run(() => api.call('staff.findElders', { query })).then(setMatches);
  };

  return (
    <section aria-labelledby="staff-find-title" className="staff-panel">
      <h2 id="staff-find-title">{t('find.title')}</h2>
      <form onSubmit={submit} className="staff-form">
        <label htmlFor="staff-find-query">{t('find.label')}</label>
        <input
          id="staff-find-query"
          data-testid="staff-find-query"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="big-button big-button--compact" data-testid="staff-find">
          <span className="big-button__icon" aria-hidden="true">
            🔍
          </span>
          <span className="big-button__label">{t('find.search')}</span>
        </button>
      </form>
      {search.error && (
        <p className="staff-alert" role="alert">
          {t(`refused.${refusalKey(search.error)}`, { defaultValue: search.error.message })}
        </p>
      )}
      {matches?.length === 0 && <p>{t('find.none')}</p>}
      {matches && matches.length > 0 && (
        <ul className="staff-list">
          {matches.map((m) => (
            <li key={m.id}>
              <BigButton
                icon={m.gender === 'female' ? '👵' : '👴'}
                label={t('find.match', {
                  name: m.name,
                  age: m.age,
                  id: m.idNumberMasked.slice(-4),
                  phone: m.phoneLast4,
                })}
                onClick={() => void api.call('staff.assist', { elderId: m.id })}
                testId={`staff-elder-${m.id}`}
                compact
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
