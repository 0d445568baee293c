import { useEffect, useEffectEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';
import { ScreenFrame } from '../components/ScreenFrame';
import { useSpeech, type SpokenLine } from '../speech/speech-context';

export type HomeChoice = 'meals' | 'services' | 'benefits' | 'staff';

/**
 * The four things an elder comes for, always in the same places. `children` (the 服务找人
 * reminders) are shown first, above the buttons. `before` is spoken before the home prompt when
 * the screen appears (the reminders, on the first visit of a session); the prompt follows once
 * they have been heard out.
 */
export function HomeScreen({
  name,
  onChoose,
  onDone,
  onEmergency,
  children,
  tools,
  before = [],
}: {
  name: string;
  onChoose: (c: HomeChoice) => void;
  onDone: () => void;
  onEmergency: () => void;
  children?: ReactNode;
  /** below the buttons: the voice row (按住说话, 声音和方言) */
  tools?: ReactNode;
  /** lines to speak before the home prompt when the screen appears */
  before?: readonly SpokenLine[];
}) {
  const { t } = useTranslation();
  const { say, sayInOrder } = useSpeech();
  // Read when the screen appears (or the name or language changes), not when `before` changes:
  // the parent clears it once it has been spoken, and that must not cut the lines off.
  const speakOnArrival = useEffectEvent(() => {
    const prompt = { key: 'home.spoken', params: { name } };
    if (before.length > 0) sayInOrder([...before, prompt]);
    else say(prompt);
  });
  useEffect(() => speakOnArrival(), [name, say]);
  return (
    <ScreenFrame title={t('home.title', { name })}>
      {children}
      <div className="home-grid">
        <BigButton
          icon="🍚"
          label={t('home.meals')}
          onClick={() => onChoose('meals')}
          testId="home-meals"
        />
        <BigButton
          icon="🗓"
          label={t('home.services')}
          onClick={() => onChoose('services')}
          testId="home-services"
        />
        <BigButton
          icon="🧧"
          label={t('home.benefits')}
          onClick={() => onChoose('benefits')}
          testId="home-benefits"
        />
        <BigButton
          icon="🙋"
          label={t('home.callStaff')}
          onClick={() => onChoose('staff')}
          variant="help"
          testId="home-call-staff"
        />
      </div>
      <div className="home-done">
        <BigButton
          icon="👋"
          label={t('home.done')}
          onClick={onDone}
          variant="secondary"
          testId="home-done"
        />
        <BigButton
          icon="🆘"
          label={t('help.emergencyButton')}
          onClick={onEmergency}
          variant="emergency"
        />
      </div>
      {tools}
    </ScreenFrame>
  );
}
