import { useTranslation } from 'react-i18next';
import type { Entitlement } from '../../../contract/calls/benefit-calls';
import { useSpeech } from '../../speech/speech-context';
import { benefitItemLine } from '../../speech/lines/benefit-lines';
import { amountLine, pickText } from './benefit-text';

const STATUS_ICON: Record<Entitlement['status'], string> = {
  receiving: '✅',
  'can-apply': '📝',
  due: '⏰',
  'ask-staff': '🙋',
  'not-eligible': '➖',
};

/**
 * One benefit as one large button: tapping it reads it aloud (title, status, amount, what to do),
 * and the same words show in the caption bar. The status has an icon and a word, never colour
 * alone. Staff also see the conditions behind it and the item of the source list it comes from.
 */
export function BenefitItem({
  entitlement: e,
  staff,
}: {
  entitlement: Entitlement;
  staff: boolean;
}) {
  const { t, i18n } = useTranslation('benefits');
  const { say } = useSpeech();
  const lng = i18n.language;
  const title = pickText(e.title, lng);
  const status = t(`status.${e.status}`);
  const amount = amountLine(e, t);
  const whatToDo = pickText(e.whatToDo, lng);
  const speak = () => say(benefitItemLine(e, lng));
  return (
    <li className="benefit-item">
      <button
        type="button"
        className={`benefit-item__button benefit-item__button--${e.status}`}
        onClick={speak}
        data-testid={`benefit-${e.id}`}
      >
        <span className="benefit-item__title">{title}</span>
        <span className="benefit-item__status">
          <span aria-hidden="true">{STATUS_ICON[e.status]} </span>
          {status}
        </span>
        {amount && <span className="benefit-item__amount">{amount}</span>}
        <span className="benefit-item__todo">{whatToDo}</span>
      </button>
      {staff && (
        <dl className="benefit-item__staff">
          <dt>{t('staff.explanation')}</dt>
          <dd>{pickText(e.explanation, lng)}</dd>
          <dt>{t('staff.citation')}</dt>
          <dd>
            {e.citation.document} {t('staff.item', { item: e.citation.item })} ({e.citation.file}
            )：{e.citation.quote}
          </dd>
        </dl>
      )}
    </li>
  );
}
