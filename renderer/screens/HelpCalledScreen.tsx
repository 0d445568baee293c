import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame';
import { useSpokenLine } from '../speech/speech-context';

export type HelpOutcome = 'called' | 'emergency' | 'failed';

const icons: Record<HelpOutcome, string> = { called: '🙋', emergency: '🆘', failed: '⚠️' };

/** After a help call: reassure them someone is coming, or tell them where to go if it failed. */
export function HelpCalledScreen({
  outcome,
  onBack,
  onHome,
}: {
  outcome: HelpOutcome;
  onBack: () => void;
  onHome?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const key = `help.${outcome}`;
  useSpokenLine(`${key}.spoken`);
  return (
    <ScreenFrame title={t(`${key}.title`)} onBack={onBack} onHome={onHome}>
      <p className="screen__lead greeting__wave" aria-hidden="true">
        {icons[outcome]}
      </p>
      <p className="screen__lead" role={outcome === 'failed' ? 'alert' : undefined}>
        {t(`${key}.detail`)}
      </p>
    </ScreenFrame>
  );
}
