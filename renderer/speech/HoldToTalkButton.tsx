import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceIntent } from '../../contract/calls/speech-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { useSpeech } from './speech-context';
import { useHoldToTalk } from './use-hold-to-talk';

const ICON = { idle: '🎤', listening: '👂', thinking: '⏳', unavailable: '🎤' } as const;

/**
 * 按住说话: hold (finger, mouse, or Space/Enter) to talk, let go to be understood. A command that
 * is understood is acted on; one that is not gets a spoken "please say it again, or press a
 * button", since every command is also a button on the screen.
 *
 * Shown only where the station has a recognition model (see ElderVoiceBar). If the microphone
 * turns out to be missing when pressed, it says so once and disappears.
 */
export function HoldToTalkButton({
  api,
  onIntent,
  dishes,
}: {
  api: KioskApi;
  onIntent: (intent: VoiceIntent) => void;
  dishes?: string[];
}) {
  const { t, i18n } = useTranslation('voicectl');
  const { say, silence } = useSpeech();
  const talk = useHoldToTalk(api, i18n.language, dishes);
  const holding = useRef(false);

  const press = (): void => {
    if (holding.current) return;
    holding.current = true;
    silence(); // the kiosk stops talking while the elder talks
    void talk.start();
  };
  const release = (): void => {
    if (!holding.current) return;
    holding.current = false;
    void talk.stop().then((intent) => {
      if (intent) onIntent(intent);
      else if (talk.state !== 'unavailable') say({ key: 'voicectl:talk.notHeard' });
    });
  };
  const keyDown = (e: KeyboardEvent): void => {
    if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
      e.preventDefault();
      press();
    }
  };
  const keyUp = (e: KeyboardEvent): void => {
    if (e.key === ' ' || e.key === 'Enter') release();
  };

  const gone = talk.state === 'unavailable';
  useEffect(() => {
    if (gone) say({ key: 'voicectl:talk.unavailable' });
  }, [gone, say]);
  if (gone) return null;

  const status =
    talk.state === 'listening'
      ? t('talk.listening')
      : talk.state === 'thinking'
        ? t('talk.thinking')
        : talk.heard
          ? t('talk.heard', { text: talk.heard })
          : '';
  return (
    <div className="hold-to-talk">
      <button
        type="button"
        className={`big-button hold-to-talk__button${talk.state === 'listening' ? ' hold-to-talk__button--on' : ''}`}
        aria-pressed={talk.state === 'listening'}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          press();
        }}
        onPointerUp={release}
        onPointerCancel={release}
        onKeyDown={keyDown}
        onKeyUp={keyUp}
        onContextMenu={(e) => e.preventDefault()}
        data-testid="hold-to-talk"
      >
        <span className="big-button__icon" aria-hidden="true">
          {ICON[talk.state]}
        </span>
        <span className="big-button__label">{t('talk.hold')}</span>
      </button>
      <p className="hold-to-talk__status" role="status">
        {status}
      </p>
    </div>
  );
}
