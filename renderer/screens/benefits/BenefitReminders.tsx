import { useTranslation } from 'react-i18next';
import type { BenefitReminder } from '../../../contract/calls/benefit-calls';
import { useSpeech } from '../../speech/speech-context';
import { pickText } from './benefit-text';
import './benefits.css';

const ICON: Record<BenefitReminder['kind'], string> = {
  birthday: '🎂',
  'assessment-due': '⏰',
  'can-apply': '🧧',
};

/**
 * 服务找人 on the home screen: the reminders the core chose for this elder (birthday, a service
 * now due, money they could apply for), shown first. They are fetched and spoken once a session
 * (use-session-reminders.ts); each one is a button that reads it again. Renders nothing when
 * there are none.
 */
export function BenefitReminders({ reminders }: { reminders: readonly BenefitReminder[] }) {
  const { t, i18n } = useTranslation('benefits');
  const { say } = useSpeech();
  const lng = i18n.language;

  if (reminders.length === 0) return null;
  return (
    <section className="benefit-reminders" aria-labelledby="benefit-reminders-title">
      <h2 id="benefit-reminders-title" className="benefits__group-title">
        {t('reminders.title')}
      </h2>
      <ul className="benefits__list">
        {reminders.map((r) => (
          <li key={`${r.kind}-${r.entitlementId}`}>
            <button
              type="button"
              className="benefit-item__button"
              onClick={() =>
                say({ key: 'benefits:spoken.reminders', params: { text: pickText(r.text, lng) } })
              }
            >
              <span className="benefit-item__title">
                <span aria-hidden="true">{ICON[r.kind]} </span>
                {pickText(r.text, lng)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
