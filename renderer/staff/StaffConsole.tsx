import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../contract/kiosk-api';
import type { SessionState } from '../../contract/views';
import { BigButton } from '../components/BigButton';
import { BenefitsScreen } from '../screens/benefits/BenefitsScreen';
import { MealsScreen } from '../screens/meals/MealsScreen';
import { ServicesScreen } from '../screens/services/ServicesScreen';
import { ElderCards } from './ElderCards';
import { ElderLookup } from './ElderLookup';
import { HealthPanel } from './HealthPanel';
import { RecorderPanel } from './RecorderPanel';
import { ReportPanel } from './ReportPanel';
import { StaffList } from './StaffList';
import { TodayPanel } from './TodayPanel';
import { TopUpPanel } from './TopUpPanel';
import './staff.css';

type Tab = 'find' | 'today' | 'health' | 'report' | 'recorder' | 'staff';
type Acting = 'none' | 'meals' | 'services' | 'benefits' | 'topup';

/** What staff can do for the elder they assist, each a button that opens its screen. */
const ASSIST_ACTIONS: { acting: Exclude<Acting, 'none'>; icon: string; label: string }[] = [
  { acting: 'meals', icon: '🍚', label: 'assist.meals' },
  { acting: 'services', icon: '🗓', label: 'assist.services' },
  { acting: 'benefits', icon: '🧧', label: 'assist.benefits' },
  { acting: 'topup', icon: '💰', label: 'topUp.button' },
];

const TABS: { tab: Tab; icon: string }[] = [
  { tab: 'find', icon: '🔍' },
  { tab: 'today', icon: '🍚' },
  { tab: 'health', icon: '🩺' },
  { tab: 'report', icon: '📊' },
  { tab: 'recorder', icon: '🎙' },
];

/** Taps count as activity for the 30-minute clock; told to the core at most once a minute. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The staff console. The elder screens are one tap away (退出 signs out to 请刷卡). While staff
 * act for an elder, the elder's own ordering, booking and benefit screens open inside the
 * console, and every order and booking is recorded with both the staff and the elder.
 */
export function StaffConsole({
  api,
  session,
}: {
  api: KioskApi;
  session: Extract<SessionState, { kind: 'staff' }>;
}) {
  const { t } = useTranslation('staff');
  const { t: tr } = useTranslation('recorder');
  const [tab, setTab] = useState<Tab>('find');
  const [acting, setActing] = useState<Acting>('none');
  const lastTouch = useRef(0);
  const touch = useCallback(() => {
    if (Date.now() - lastTouch.current < TOUCH_EVERY_MS) return;
    lastTouch.current = Date.now();
    void api.call('staff.touch', {});
  }, [api]);

  const signOut = (): void => void api.call('staff.signOut', {});
  const elder = session.assisting;
  const back = (): void => setActing('none');

  if (elder && acting !== 'none') {
    return (
      <div className="staff-console" onPointerDown={touch}>
        <p className="staff-assisting" role="status">
          {t('assist.banner', { staff: session.staff.name, elder: elder.name })}
        </p>
        {acting === 'meals' && <MealsScreen api={api} onDone={back} onBack={back} onHome={back} />}
        {acting === 'services' && (
          <ServicesScreen api={api} onDone={back} onBack={back} onHome={back} />
        )}
        {acting === 'benefits' && <BenefitsScreen api={api} staff onBack={back} onHome={back} />}
        {acting === 'topup' && <TopUpPanel api={api} elder={elder} onBack={back} />}
      </div>
    );
  }

  const tabs =
    session.staff.role === 'supervisor' ? [...TABS, { tab: 'staff' as const, icon: '👥' }] : TABS;
  return (
    <section className="staff-console" aria-labelledby="staff-title" onPointerDown={touch}>
      <header className="staff-bar">
        <h1 id="staff-title">{t('console.title', { name: session.staff.name })}</h1>
        <BigButton
          icon="🚪"
          label={t('console.exit')}
          onClick={signOut}
          variant="secondary"
          compact
          testId="staff-exit"
        />
      </header>
      {elder && (
        <div className="staff-panel staff-assist" data-testid="staff-assisting">
          <h2>
            {t('assist.title', {
              name: elder.name,
              age: elder.age,
              id: elder.idNumberMasked.slice(-4),
            })}
          </h2>
          <div className="staff-actions">
            {ASSIST_ACTIONS.map(({ acting: act, icon, label }) => (
              <BigButton
                key={act}
                icon={icon}
                label={t(label)}
                onClick={() => setActing(act)}
                compact
                testId={`staff-assist-${act}`}
              />
            ))}
            <BigButton
              icon="✖"
              label={t('assist.stop')}
              onClick={() => void api.call('staff.assist', { elderId: null })}
              variant="secondary"
              compact
            />
          </div>
          <ElderCards
            key={`${elder.id} ${session.tappedCard ?? ''}`}
            api={api}
            elderId={elder.id}
            tappedCard={session.tappedCard}
          />
        </div>
      )}
      <nav className="staff-tabs" aria-label={t('console.sections')}>
        {tabs.map(({ tab: id, icon }) => (
          <BigButton
            key={id}
            icon={icon}
            label={id === 'recorder' ? tr('tab') : t(`tab.${id}`)}
            onClick={() => setTab(id)}
            variant={tab === id ? 'primary' : 'secondary'}
            pressed={tab === id}
            compact
            testId={`staff-tab-${id}`}
          />
        ))}
      </nav>
      {tab === 'find' && <ElderLookup api={api} />}
      {tab === 'today' && <TodayPanel api={api} />}
      {tab === 'health' && <HealthPanel api={api} />}
      {tab === 'report' && <ReportPanel api={api} />}
      {tab === 'recorder' && <RecorderPanel api={api} />}
      {tab === 'staff' && <StaffList api={api} selfId={session.staff.id} />}
    </section>
  );
}
