import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TapCardPicture } from '../components/TapCardPicture';
import { ScreenFrame } from '../components/ScreenFrame';
import { useSpokenLine } from '../speech/speech-context';

/** 请刷卡: what everyone sees first, with a picture of where to put the card. */
export function IdleScreen({
  stationName,
  children,
}: {
  stationName: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  useSpokenLine('idle.spoken');
  return (
    <ScreenFrame title={t('idle.title')}>
      <TapCardPicture label={t('idle.pictureLabel')} />
      <p className="screen__lead">{t('idle.hint')}</p>
      <p className="screen__station">{stationName}</p>
      {children}
    </ScreenFrame>
  );
}
