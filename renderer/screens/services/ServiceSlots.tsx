import { useTranslation } from 'react-i18next';
import type { ServiceView, SlotChoice, SlotView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BigButton } from '../../components/BigButton';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useSpeech, useSpokenLine } from '../../speech/speech-context';
import { slotsLine } from '../../speech/lines/ordering-lines';
import { refusalKey } from '../meals/ordering-shared';
import { useCall } from '../meals/use-call';
import { slotDay, slotTime } from './slot-time';

/** 预约服务, step 2: the coming times of one service with the places left. */
export function ServiceSlots({
  api,
  service,
  onChoose,
  onBack,
  onHome,
}: {
  api: KioskApi;
  service: ServiceView;
  onChoose: (slot: SlotView) => void;
  onBack: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation('ordering');
  const load = useCall(api, 'services.slots', { serviceId: service.id });
  return (
    <ScreenFrame
      title={`${service.name} · ${t('services.slotsTitle')}`}
      onBack={onBack}
      onHome={onHome}
    >
      {load.kind === 'loading' && <p className="screen__lead">{t('services.loading')}</p>}
      {load.kind === 'failed' && <p className="ordering__notice">{t(refusalKey(load.error))}</p>}
      {load.kind === 'ready' && (
        <SlotList service={service} slots={load.value} onChoose={onChoose} />
      )}
    </ScreenFrame>
  );
}

/**
 * The government-purchased minutes left, per month the slots fall in: a slot next month draws on
 * next month's hours, so each month is named rather than called 本月.
 */
function hoursLines(slots: SlotChoice[]): { month: string; minutes: number }[] {
  const months = new Map<string, number>();
  for (const s of slots)
    if (s.purchasedMinutesLeft !== null && !months.has(s.startsAt.slice(0, 7)))
      months.set(s.startsAt.slice(0, 7), s.purchasedMinutesLeft);
  return [...months].map(([month, minutes]) => ({ month, minutes }));
}

export function SlotList({
  service,
  slots,
  onChoose,
}: {
  service: ServiceView;
  slots: SlotChoice[];
  onChoose: (s: SlotView) => void;
}) {
  const { t } = useTranslation('ordering');
  const { say } = useSpeech();
  const spoken = slotsLine(service);
  useSpokenLine(spoken.key, spoken.params);
  if (slots.length === 0) return <p className="screen__lead">{t('services.noSlots')}</p>;
  return (
    <div className="ordering">
      {hoursLines(slots).map(({ month, minutes }) => (
        <p key={month} className="ordering__text" data-testid={`hours-left-${month}`}>
          {t('services.hoursLeftMonth', { month: Number(month.slice(5)), minutes })}
        </p>
      ))}
      <div className="ordering__grid">
        {slots.map((s) => {
          const day = slotDay(s.startsAt);
          const time = slotTime(s.startsAt);
          return (
            <BigButton
              key={s.id}
              icon={s.left > 0 ? '🕘' : '⛔'}
              label={
                s.left > 0
                  ? t('services.slot', { day, time, left: s.left })
                  : t('services.slotFull', { day, time })
              }
              variant={s.left > 0 ? 'primary' : 'secondary'}
              onClick={() =>
                s.left > 0 ? onChoose(s) : say({ key: 'ordering:refused.slot-full' })
              }
            />
          );
        })}
      </div>
    </div>
  );
}
