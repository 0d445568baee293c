import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenefitReminder } from '../../../contract/calls/benefit-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
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
 * now due, money they could apply for), shown first and, when `speak` is set, read once after the
 * greeting. Each one is a button that reads it again. Renders nothing when there are none.
 */
export function BenefitReminders({ api, speak = true }: { api: KioskApi; speak?: boolean }) {
  const { t, i18n } = useTranslation('benefits');
  const { say } = useSpeech();
  const [reminders, setReminders] = useState<BenefitReminder[]>([]);
  const lng = i18n.language;

  useEffect(() => {
    let live = true;
    void api.call('benefits.reminders', {}).then((result) => {
      if (!live || !result.ok) return;
      setReminders(result.value);
      if (speak && result.value.length > 0) {
        const text = result.value.map((r) => pickText(r.text, lng)).join(' ');
        say({ key: 'benefits:spoken.reminders', params: { text } });
      }
    });
    return () => {
      live = false;
    };
  }, [api, speak, say, lng]);

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
