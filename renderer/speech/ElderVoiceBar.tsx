import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceIntent } from '../../contract/calls/speech-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { HoldToTalkButton } from './HoldToTalkButton';
import './voice.css';

/**
 * The voice row under the home screen's buttons: 按住说话 (only where it can work) and 声音和方言.
 *
 * Without a recognition model the 按住说话 button is not shown at all, rather than shown and
 * answering "voice commands are not set up here". An elder who presses a big microphone button
 * and hears that it does not work learns nothing they can act on, may think they did it wrong,
 * and may try again every visit; a button that is not there asks nothing of them. Staff see
 * whether a station has a model in its config; the elder screens stay the same either way,
 * since every command is also a button.
 */
export function ElderVoiceBar({
  api,
  onIntent,
  onVoiceSettings,
}: {
  api: KioskApi;
  onIntent: (intent: VoiceIntent) => void;
  onVoiceSettings: () => void;
}) {
  const { t } = useTranslation('voicectl');
  const [canTalk, setCanTalk] = useState(false);
  useEffect(() => {
    let live = true;
    void api.call('voice.status', {}).then((r) => live && setCanTalk(r.ok && r.value.recognition));
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <div className="elder-voice-bar" data-testid="elder-voice-bar">
      {canTalk && <HoldToTalkButton api={api} onIntent={onIntent} />}
      <BigButton
        icon="🔊"
        label={t('open')}
        onClick={onVoiceSettings}
        variant="secondary"
        testId="voicectl-open"
      />
    </div>
  );
}
