import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ServiceView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpokenLine } from '../../speech/speech-context';
import { servicesLine } from '../../speech/lines/ordering-lines';
import { refusalKey, yuan } from '../meals/ordering-shared';
import { useCall } from '../meals/use-call';

/**
 * A service's button: its name, length and what the elder pays, with the full price beside it
 * whenever the elder pays less, so the subsidy is visible (seed 002: 政府补一点……).
 */
function catalogueLabel(t: TFunction<'ordering'>, s: ServiceView): string {
  const common = { name: s.name, minutes: s.durationMinutes };
  if (s.elderFen === s.fullFen)
    return s.fullFen === 0
      ? t('services.serviceFree', common)
      : t('services.service', { ...common, yuan: yuan(s.elderFen) });
  return s.elderFen === 0
    ? t('services.serviceFreePriced', { ...common, full: yuan(s.fullFen) })
    : t('services.servicePriced', { ...common, full: yuan(s.fullFen), yuan: yuan(s.elderFen) });
}

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

export function CatalogueBody({
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
            label={catalogueLabel(t, s)}
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
