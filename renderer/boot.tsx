// The app itself, loaded by main.tsx once the page's first frame is up.
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import type { i18n as I18n } from 'i18next';
import type { KioskApi } from '../contract/kiosk-api';
import type { StationInfo } from '../contract/views';
import { prerenderedAttribute } from '../contract/prerender';
import { KioskTree } from './kiosk-tree';
import { connectKioskApi } from './api/kiosk-api';
import { embeddedStationInfo } from './api/embedded-station';
import { initI18n, setUpI18n } from './i18n';
import { preloadScreens } from './lazy-screens';

const preloadDelayMs = 1000;

const container = document.getElementById('root') as HTMLElement;
/** The browser host put the idle screen into the page already (main/host/idle-markup.ts). */
const prerendered = container.getAttribute(prerenderedAttribute) === 'idle';
let root: Root | null = null;

/** Shown when the core cannot be reached: for the staff member who will fix it, in both languages. */
function showStartupError(message: string): void {
  root ??= createRoot(container);
  root.render(
    <div className="startup-error" role="alert">
      <h1>请找工作人员 · Please call staff</h1>
      <p>{message}</p>
    </div>,
  );
}

function render(api: KioskApi, i18n: I18n, station: StationInfo): void {
  root ??= createRoot(container);
  root.render(<KioskTree api={api} i18n={i18n} station={station} />);
}

function followLanguage(i18n: I18n): void {
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));
}

/**
 * The split-off screens load a little after the idle screen is up (nobody taps a card within a
 * second of the kiosk starting), so fetching and parsing them does not compete with its first paint.
 */
function preloadSoon(): void {
  const later = (): void =>
    void setTimeout(
      () => requestIdleCallback(() => void preloadScreens(), { timeout: 2000 }),
      preloadDelayMs,
    );
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

async function stationInfo(api: KioskApi): Promise<StationInfo> {
  const info = await api.call('station.info', {});
  if (!info.ok) throw new Error(info.error.message);
  return info.value;
}

function start(): Promise<void> {
  const api = connectKioskApi();
  const full = stationInfo(api);
  const embedded = embeddedStationInfo();
  if (embedded) {
    // The browser host embeds the station's public settings in the page: the idle screen is
    // committed in this very task, before the page's load event, while the socket still connects.
    // The full info (the demo tray's cards) follows over the socket.
    const i18n = setUpI18n(embedded.defaultLocale);
    if (i18n.language === embedded.defaultLocale) {
      followLanguage(i18n);
      // Prerendered: the screen is painted already and React adopts its markup; otherwise drawn now.
      if (prerendered)
        root = hydrateRoot(container, <KioskTree api={api} i18n={i18n} station={embedded} />);
      else flushSync(() => render(api, i18n, embedded));
      preloadSoon();
      return full.then((station) => render(api, i18n, station));
    }
  }
  // Inside Electron the preload answers station.info at once; the socket's answer otherwise.
  return Promise.all([full, initI18n(embedded?.defaultLocale ?? 'zh-CN')]).then(
    async ([station, i18n]) => {
      if (i18n.language !== station.defaultLocale) await i18n.changeLanguage(station.defaultLocale);
      followLanguage(i18n);
      render(api, i18n, station);
      preloadSoon();
    },
  );
}

try {
  start().catch((error: unknown) =>
    showStartupError(error instanceof Error ? error.message : String(error)),
  );
} catch (error) {
  showStartupError(error instanceof Error ? error.message : String(error));
}
