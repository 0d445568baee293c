import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { connectKioskApi } from './api/kiosk-api';
import { initI18n } from './i18n';
import { SpeechProvider } from './speech/speech-context';
import './styles/kiosk.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

/** Shown when the core cannot be reached: for the staff member who will fix it, in both languages. */
function showStartupError(message: string): void {
  root.render(
    <div className="startup-error" role="alert">
      <h1>请找工作人员 · Please call staff</h1>
      <p>{message}</p>
    </div>,
  );
}

async function start(): Promise<void> {
  const api = connectKioskApi();
  // The socket handshake and i18next's set-up overlap: both are on the way to the first paint.
  const [info, i18n] = await Promise.all([api.call('station.info', {}), initI18n('zh-CN')]);
  if (!info.ok) throw new Error(info.error.message);
  if (i18n.language !== info.value.defaultLocale)
    await i18n.changeLanguage(info.value.defaultLocale);
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SpeechProvider api={api}>
          <App api={api} station={info.value} />
        </SpeechProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) =>
  showStartupError(error instanceof Error ? error.message : String(error)),
);
