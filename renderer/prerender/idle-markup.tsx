import { renderToString } from 'react-dom/server';
import i18next from 'i18next';
import type { KioskApi } from '../../contract/kiosk-api';
import type { StationInfo } from '../../contract/views';
import { stationNamePlaceholder } from '../../contract/prerender';
import { resources, setUpI18nInstance } from '../i18n';
import { KioskTree } from '../kiosk-tree';

/**
 * The idle screen (请刷卡) as HTML, made at build time for every locale, with and without the demo
 * tray. The browser host puts it into the page with the station's name (main/host/idle-markup.ts),
 * so the screen is painted as soon as the page arrives, before any script has run; the page's
 * script then takes this markup over (hydrateRoot) instead of drawing it again.
 */

export const prerenderLocales = Object.keys(resources);

/** Nothing is called while rendering to a string: effects (subscriptions, speech) never run. */
const notConnected: KioskApi = {
  call: () =>
    Promise.resolve({
      ok: false,
      error: { code: 'unavailable', message: 'the prerendered page has no core' },
    }),
  on: () => () => undefined,
};

export function idleMarkup(locale: string, demo: boolean): string {
  const i18n = setUpI18nInstance(i18next.createInstance(), locale);
  const station: StationInfo = {
    id: '',
    name: stationNamePlaceholder,
    district: '',
    defaultLocale: locale,
    demo,
    // not shown on the idle screen; the page has the station's own from its data block
    timeouts: { greetingSeconds: 3, sessionIdleSeconds: 60, messageSeconds: 10 },
    demoCards: [],
  };
  return renderToString(<KioskTree api={notConnected} i18n={i18n} station={station} />);
}
