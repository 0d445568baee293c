import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenefitsView } from '../../../contract/calls/benefit-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpeech } from '../../speech/speech-context';
import { BenefitItem } from './BenefitItem';
import './benefits.css';

type Load = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; view: BenefitsView };

const GROUP_ICON = { money: '🧧', services: '🤝', care: '🩺' } as const;

/**
 * 我的待遇: every benefit of the station's policy pack that applies to the elder in session,
 * grouped as money, services and care, in large type. `staff` adds the conditions, the source
 * citation and the items that do not apply (for the counter's assisted view).
 */
export function BenefitsScreen({
  api,
  staff = false,
  onBack,
  onHome,
}: {
  api: KioskApi;
  staff?: boolean;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('benefits');
  const { say } = useSpeech();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void api.call('benefits.list', {}).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setLoad({ kind: 'failed' });
        say({ key: 'benefits:failed' });
        return;
      }
      const view = result.value;
      setLoad({ kind: 'ready', view });
      const count = view.groups.reduce((n, g) => n + g.items.length, 0);
      say({ key: 'benefits:spoken.screen', params: { count } });
    });
    return () => {
      live = false;
    };
  }, [api, say]);

  return (
    <ScreenFrame title={t('title')} onBack={onBack} onHome={onHome}>
      {load.kind === 'loading' && <p className="screen__lead">{t('loading')}</p>}
      {load.kind === 'failed' && <p className="screen__lead">{t('failed')}</p>}
      {load.kind === 'ready' && (
        <div className="benefits">
          {load.view.groups.map(({ group, items }) => (
            <section key={group} className="benefits__group" aria-labelledby={`benefits-${group}`}>
              <h2 id={`benefits-${group}`} className="benefits__group-title">
                <span aria-hidden="true">{GROUP_ICON[group]} </span>
                {t(`groups.${group}`)}
              </h2>
              {items.length === 0 ? (
                <p className="benefits__empty">{t('empty')}</p>
              ) : (
                <ul className="benefits__list">
                  {items.map((e) => (
                    <BenefitItem key={e.id} entitlement={e} staff={staff} />
                  ))}
                </ul>
              )}
            </section>
          ))}
          {staff && load.view.notEligible.length > 0 && (
            <section className="benefits__group" aria-labelledby="benefits-not-eligible">
              <h2 id="benefits-not-eligible" className="benefits__group-title">
                {t('staff.notEligible')}
              </h2>
              <ul className="benefits__list">
                {load.view.notEligible.map((e) => (
                  <BenefitItem key={e.id} entitlement={e} staff />
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </ScreenFrame>
  );
}
