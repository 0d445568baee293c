import { useCallback, useEffect, useEffectEvent, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../contract/kiosk-api';
import type { SessionState, StationInfo } from '../contract/views';
import { IdleScreen } from './screens/IdleScreen';
import { GreetingScreen } from './screens/GreetingScreen';
import { HomeScreen, type HomeChoice } from './screens/HomeScreen';
import { CardRefusedScreen } from './screens/CardRefusedScreen';
import { HelpCalledScreen } from './screens/HelpCalledScreen';
import { DemoTray } from './components/DemoTray';
// Everything the idle screen does not show is split off (renderer/lazy-screens.tsx).
import {
  BenefitReminders,
  BenefitsScreen,
  ElderVoiceBar,
  isStaffSession,
  MealsScreen,
  ServicesScreen,
  StaffRoot,
  VoiceControls,
} from './lazy-screens';
import { CaptionBar } from './speech/CaptionBar';
import { useSpeech } from './speech/speech-context';
import { useIdleTimeout } from './session/use-idle-timeout';
import { useSessionTimer } from './session/use-session-timer';
import { SessionWarning } from './session/SessionWarning';
import { useDisplayModes } from './styles/use-display-modes';
import { DisplayToggles } from './styles/DisplayToggles';
import './styles/modes.css';
import { useHelpCalls } from './session/use-help-calls';
import { HelpButtons } from './components/HelpButtons';
import { useKeyboardWedge } from './input/use-keyboard-wedge';
import type { VoiceIntent } from '../contract/calls/speech-calls';
import { useSessionReminders } from './screens/benefits/use-session-reminders';
import type { MealChoice } from './screens/meals/MealConfirm';

type ElderView = 'greeting' | 'home' | 'benefits' | 'meals' | 'services' | 'voice';

/** The elder side of the kiosk: follows the core's session and shows the matching screen. */
export function App({ api, station }: { api: KioskApi; station: StationInfo }) {
  const { i18n } = useTranslation();
  const { silence } = useSpeech();
  const [session, setSession] = useState<SessionState>({ kind: 'idle' });
  const [view, setView] = useState<ElderView>('greeting');
  /** a dish asked for by voice: the meals screen opens at its confirmation */
  const [spokenDish, setSpokenDish] = useState<MealChoice | null>(null);
  // True once the session subscription (and every other effect of the first commit, the card
  // reader's key listener among them) is live and the current session has been read: what an
  // automated test waits for before it taps, since a person cannot tap that fast.
  const [synced, setSynced] = useState(false);

  // react-i18next hands out a new `i18n` object whenever the language changes; read through an
  // effect event so that an elder changing the language on screen does not re-run the session
  // effect below (which would send them back to the greeting in their old language).
  const showLanguage = useEffectEvent((lng: string) => {
    if (i18n.language !== lng) void i18n.changeLanguage(lng);
  });
  useEffect(() => {
    let previous: SessionState['kind'] = 'idle';
    const apply = (next: SessionState): void => {
      setSession(next);
      setView('greeting');
      setSpokenDish(null);
      const lng = next.kind === 'elder' ? next.elder.prefs.locale : station.defaultLocale;
      showLanguage(lng);
      // Leaving a session: stop their line and clear their caption before the idle screen speaks.
      if (next.kind === 'idle' && previous !== 'idle') silence();
      previous = next.kind;
    };
    const off = api.on('session', apply);
    void api.call('session.current', {}).then((r) => {
      if (r.ok) apply(r.value);
      setSynced(true);
    });
    return off;
  }, [api, station.defaultLocale, silence]);

  const endSession = useCallback(() => void api.call('session.end', {}), [api]);
  const touchCore = useCallback(() => void api.call('session.touch', {}), [api]);
  const idle = useSessionTimer(
    session.kind === 'elder' ? session.sessionId : null,
    station.timeouts.sessionIdleSeconds,
    endSession,
    touchCore,
  );
  const modes = useDisplayModes(
    session.kind === 'elder' ? session.elder.prefs.fontScale : undefined,
    session.kind === 'elder' ? session.sessionId : session.kind,
  );
  useIdleTimeout(session.kind === 'card-refused', station.timeouts.messageSeconds, endSession);

  // 服务找人: fetched during the greeting, spoken once a session on the first home (after the
  // greeting, before the home prompt), so home waits for them.
  const reminders = useSessionReminders(api, session.kind === 'elder' ? session.sessionId : null);
  const remindersReady = reminders.reminders !== null;
  const { heard: remindersHeard } = reminders;
  useEffect(() => {
    if (session.kind !== 'elder' || view !== 'greeting' || !remindersReady) return;
    const timer = window.setTimeout(() => setView('home'), station.timeouts.greetingSeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [session, view, station.timeouts.greetingSeconds, remindersReady]);
  // Runs after HomeScreen's own effect (children first), which has already taken the lines.
  useEffect(() => {
    if (session.kind === 'elder' && view === 'home') remindersHeard();
  }, [session, view, remindersHeard]);

  const help = useHelpCalls(api);
  const { call: callHelp, dismiss: dismissHelp } = help;
  const choose = useCallback(
    (choice: HomeChoice) => {
      setSpokenDish(null);
      if (choice === 'staff') callHelp('green');
      else setView(choice);
    },
    [callHelp],
  );
  // 按住说话 on the home screen: the same choices as its buttons; a dish of the day by name opens
  // its confirmation (ElderVoiceBar), one that cannot be ordered now opens the menu.
  const orderSpokenDish = useCallback((dish: MealChoice) => {
    setSpokenDish(dish);
    setView('meals');
  }, []);
  const heard = useCallback(
    (v: VoiceIntent) => {
      if (v.intent === 'meals' || v.intent === 'dish') choose('meals');
      else if (v.intent === 'services' || v.intent === 'benefits' || v.intent === 'staff')
        choose(v.intent);
    },
    [choose],
  );
  // A new card or the end of a session replaces any help screen that was showing.
  useEffect(() => dismissHelp(), [session, dismissHelp]);

  // USB readers in keyboard mode type the UID and Enter: caught before any input field sees it.
  const tapWedge = useCallback(
    (uid: string) => void api.call('session.tapKeyboardCard', { uid }),
    [api],
  );
  useKeyboardWedge(tapWedge);

  const tapDemo = useCallback(
    (uid: string) => void api.call('session.tapSimulatedCard', { uid }),
    [api],
  );
  const goHome = useCallback(() => {
    dismissHelp();
    setView('home');
  }, [dismissHelp]);

  let screen;
  if (help.shown) {
    const back = session.kind === 'elder' ? goHome : dismissHelp;
    screen = (
      <HelpCalledScreen
        outcome={
          help.shown.state === 'failed'
            ? 'failed'
            : help.shown.button === 'red'
              ? 'emergency'
              : 'called'
        }
        onBack={back}
        onHome={session.kind === 'elder' ? goHome : undefined}
      />
    );
  } else if (session.kind === 'elder') {
    const name = session.elder.name;
    if (view === 'greeting') screen = <GreetingScreen name={name} />;
    else if (view === 'meals')
      screen = (
        <MealsScreen
          api={api}
          onDone={goHome}
          onBack={goHome}
          onHome={goHome}
          {...(spokenDish ? { initialChoice: spokenDish } : {})}
        />
      );
    else if (view === 'services')
      screen = <ServicesScreen api={api} onDone={goHome} onBack={goHome} onHome={goHome} />;
    else if (view === 'benefits')
      screen = <BenefitsScreen api={api} onBack={goHome} onHome={goHome} />;
    else if (view === 'voice') screen = <VoiceControls onDone={goHome} />;
    else
      screen = (
        <HomeScreen
          name={name}
          onChoose={choose}
          onDone={endSession}
          onEmergency={() => callHelp('red')}
          tools={
            <ElderVoiceBar
              api={api}
              onIntent={heard}
              onDish={orderSpokenDish}
              onVoiceSettings={() => setView('voice')}
            />
          }
          before={reminders.unheard}
        >
          <BenefitReminders reminders={reminders.reminders ?? []} />
        </HomeScreen>
      );
  } else if (isStaffSession(session)) {
    // The staff console (PIN, then console); 退出 there brings the elder screens back.
    screen = (
      <StaffRoot api={api} session={session} idleSeconds={station.timeouts.sessionIdleSeconds} />
    );
  } else if (session.kind === 'card-refused') {
    screen = <CardRefusedScreen reason={session.reason} onOk={endSession} />;
  } else {
    screen = (
      <IdleScreen stationName={station.name}>
        <HelpButtons onCall={callHelp} />
      </IdleScreen>
    );
  }

  return (
    <div
      className={`kiosk${modes.highContrast ? ' kiosk--high-contrast' : ''}`}
      data-ready={synced || undefined}
      // Only when enlarged (modes.css falls back to 1): the prerendered idle screen must carry no
      // style attribute, which the page's CSP (style-src 'self') would refuse.
      style={modes.scale === 1 ? undefined : ({ '--kiosk-scale': modes.scale } as CSSProperties)}
    >
      <main className="kiosk__main">
        {screen}
        {idle.warning && <SessionWarning onContinue={idle.keepGoing} />}
      </main>
      <div className="kiosk__footer">
        <CaptionBar />
        <DisplayToggles modes={modes} />
      </div>
      {station.demo && session.kind !== 'elder' && !isStaffSession(session) && (
        <DemoTray cards={station.demoCards} onTap={tapDemo} />
      )}
    </div>
  );
}
