import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { SessionState } from '../contract/views';
import type { StaffSession } from './staff/StaffRoot';

/**
 * The screens the idle screen does not need, in chunks of their own so the first chunk (what the
 * kiosk parses before it can paint 请刷卡) stays small: ordering (and zod, through the contract's
 * refusal reasons), benefits, the voice controls and the whole staff console. `preloadScreens`
 * fetches them all right after the first paint, so an elder's tap finds them loaded: a screen
 * mounted after that renders at once, and one mounted before shows nothing until its chunk is in.
 */
type Loader<P> = () => Promise<ComponentType<P>>;

const preloaders: (() => Promise<unknown>)[] = [];

function splitScreen<P extends object>(load: Loader<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // the next use tries again
        throw error;
      },
    ));
  preloaders.push(preload);
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function SplitScreen(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount the screen.
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return SplitScreen;
}

/** Starts loading every split screen; resolves when all have settled. */
export function preloadScreens(): Promise<void> {
  return Promise.allSettled(preloaders.map((p) => p())).then(() => undefined);
}

/** The staff states of a session (StaffRoot's own test, here so it does not pull the console in). */
export const isStaffSession = (s: SessionState): s is StaffSession =>
  s.kind === 'staff' || s.kind === 'staff-pin';

export const MealsScreen = splitScreen(() =>
  import('./screens/meals/MealsScreen').then((m) => m.MealsScreen),
);
export const ServicesScreen = splitScreen(() =>
  import('./screens/services/ServicesScreen').then((m) => m.ServicesScreen),
);
export const BenefitsScreen = splitScreen(() =>
  import('./screens/benefits/BenefitsScreen').then((m) => m.BenefitsScreen),
);
export const BenefitReminders = splitScreen(() =>
  import('./screens/benefits/BenefitReminders').then((m) => m.BenefitReminders),
);
export const VoiceControls = splitScreen(() =>
  import('./speech/VoiceControls').then((m) => m.VoiceControls),
);
export const ElderVoiceBar = splitScreen(() =>
  import('./speech/ElderVoiceBar').then((m) => m.ElderVoiceBar),
);
export const StaffRoot = splitScreen(() => import('./staff/StaffRoot').then((m) => m.StaffRoot));
