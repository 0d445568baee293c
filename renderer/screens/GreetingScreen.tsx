import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame';
import { useSpokenLine } from '../speech/speech-context';

/** The greeting by name, spoken, before the home screen. */
export function GreetingScreen({ name }: { name: string }) {
  const { t } = useTranslation();
  useSpokenLine('greeting.spoken', { name });
  return (
    <ScreenFrame title={t('greeting.title', { name })}>
      <p className="screen__lead greeting__wave" aria-hidden="true">
        👋
      </p>
      <p className="screen__lead">{t('greeting.subtitle')}</p>
    </ScreenFrame>
  );
}
