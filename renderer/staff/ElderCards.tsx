import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElderCard } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { refusalKey, useStaffAction } from './use-staff-action';

const UID = /^[0-9A-F]{8,20}$/;

/**
 * The assisted elder's cards: report one lost, bind a new one, or replace (old lost + new bound
 * at once). A card tapped on the reader during the console fills the new-card field (the console
 * remounts this panel per tapped card, so the field starts from it).
 */
export function ElderCards({
  api,
  elderId,
  tappedCard,
}: {
  api: KioskApi;
  elderId: string;
  tappedCard: string | null;
}) {
  const { t } = useTranslation('staff');
  const [cards, setCards] = useState<ElderCard[]>([]);
  const [uid, setUid] = useState(tappedCard ?? '');
  const action = useStaffAction<ElderCard[]>();
  const { run } = action;

  useEffect(() => {
    void run(() => api.call('staff.elderCards', { elderId })).then((c) => c && setCards(c));
  }, [api, elderId, run]);

  const apply = (c: ElderCard[] | null): void => {
    if (c) {
      setCards(c);
      setUid('');
    }
  };
  const newUid = uid.trim().toUpperCase();
  const valid = UID.test(newUid);
  const active = cards.filter((c) => c.status === 'active');

  return (
    <section aria-labelledby="staff-cards-title" className="staff-panel" data-testid="staff-cards">
      <h2 id="staff-cards-title">{t('cards.title')}</h2>
      <ul className="staff-list">
        {cards.map((c) => (
          <li key={c.uid} className="staff-row">
            <span>
              {c.uid} · {t(`cards.${c.status}`)}
            </span>
            {c.status === 'active' && (
              <BigButton
                icon="🚫"
                label={t('cards.reportLost')}
                onClick={() =>
                  void action
                    .run(() => api.call('staff.reportLost', { elderId, uid: c.uid }))
                    .then(apply)
                }
                variant="secondary"
                compact
                testId={`staff-card-lost-${c.uid}`}
              />
            )}
            {c.status === 'active' && valid && (
              <BigButton
                icon="🔁"
                label={t('cards.replace')}
                onClick={() =>
                  void action
                    .run(() => api.call('staff.replaceCard', { elderId, oldUid: c.uid, newUid }))
                    .then(apply)
                }
                compact
                testId={`staff-card-replace-${c.uid}`}
              />
            )}
          </li>
        ))}
      </ul>
      <div className="staff-form">
        <label htmlFor="staff-new-card">{t('cards.newCard')}</label>
        <input
          id="staff-new-card"
          value={uid}
          onChange={(e) => setUid(e.target.value)}
          autoComplete="off"
        />
        <BigButton
          icon="➕"
          label={t('cards.bind')}
          onClick={() =>
            valid &&
            void action.run(() => api.call('staff.bindCard', { elderId, uid: newUid })).then(apply)
          }
          compact
          testId="staff-card-bind"
        />
      </div>
      {active.length === 0 && <p>{t('cards.noActive')}</p>}
      {action.error && (
        <p className="staff-alert" role="alert">
          {t(`refused.${refusalKey(action.error)}`, { defaultValue: action.error.message })}
        </p>
      )}
    </section>
  );
}
