import { useTranslation } from 'react-i18next';
import type { ServiceView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpokenLine } from '../../speech/speech-context';
import { servicesLine } from '../../speech/lines/ordering-lines';
import { refusalKey, yuan } from '../meals/ordering-shared';
import { useCall } from '../meals/use-call';

/** 预约服务, step 1: the 点单式 services with what this elder pays, read aloud. */
export function ServiceCatalogue({
  api,
  onChoose,
  onMyBookings,
  onBack,
  onHome,
}: {
  api: KioskApi;
  onChoose: (service: ServiceView) => void;
  onMyBookings: () => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const load = useCall(api, 'services.catalogue', {});
  return (
    <ScreenFrame title={t('services.title')} onBack={onBack} onHome={onHome}>
      {load.kind === 'loading' && <p className="screen__lead">{t('services.loading')}</p>}
      {load.kind === 'failed' && <p className="ordering__notice">{t(refusalKey(load.error))}</p>}
      {load.kind === 'ready' && (
        <CatalogueBody services={load.value} onChoose={onChoose} onMyBookings={onMyBookings} />
      )}
    </ScreenFrame>
  );
}

function CatalogueBody({
  services,
  onChoose,
  onMyBookings,
}: {
  services: ServiceView[];
  onChoose: (s: ServiceView) => void;
  onMyBookings: () => void;
}) {
  const { t } = useTranslation('ordering');
  const spoken = servicesLine(services);
  useSpokenLine(spoken.key, spoken.params);
  return (
    <div className="ordering">
      <div className="ordering__grid">
        {services.map((s) => (
          <BigButton
            key={s.id}
            icon={s.icon}
            label={
              s.elderFen === 0
                ? t('services.serviceFree', { name: s.name, minutes: s.durationMinutes })
                : t('services.service', {
                    name: s.name,
                    minutes: s.durationMinutes,
                    yuan: yuan(s.elderFen),
                  })
            }
            onClick={() => onChoose(s)}
          />
        ))}
      </div>
      <div className="ordering__row">
        <BigButton
          icon="🗂"
          label={t('services.myBookings')}
          variant="secondary"
          onClick={onMyBookings}
        />
      </div>
    </div>
  );
}
