import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { KioskApi } from '../contract/kiosk-api';
import type { StationInfo } from '../contract/views';
import { App } from './App';
import { SpeechProvider } from './speech/speech-context';

/**
 * The whole kiosk page. One component, so the page (main.tsx) and the idle screen prerendered at
 * build time (prerender/idle-markup.tsx) are the same tree and React can take the prerendered
 * markup over as its own.
 */
export function KioskTree({
  api,
  i18n,
  station,
}: {
  api: KioskApi;
  i18n: I18n;
  station: StationInfo;
}) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SpeechProvider api={api}>
          <App api={api} station={station} />
        </SpeechProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
