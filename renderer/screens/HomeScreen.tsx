import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';
import { ScreenFrame } from '../components/ScreenFrame';
import { useSpokenLine } from '../speech/speech-context';

export type HomeChoice = 'meals' | 'services' | 'benefits' | 'staff';

/**
 * The four things an elder comes for, always in the same places. `children` (the 服务找人
 * reminders) are shown first, above the buttons.
 */
export function HomeScreen({
  name,
  onChoose,
  onDone,
  onEmergency,
  children,
  tools,
}: {
  name: string;
  onChoose: (c: HomeChoice) => void;
  onDone: () => void;
  onEmergency: () => void;
  children?: ReactNode;
  /** below the buttons: the voice row (按住说话, 声音和方言) */
  tools?: ReactNode;
}) {
  const { t } = useTranslation();
  useSpokenLine('home.spoken', { name });
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
