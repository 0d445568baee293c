import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuView } from '../../contract/calls/ordering-calls';
import type { VoiceIntent } from '../../contract/calls/speech-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import type { MealChoice } from '../screens/meals/MealConfirm';
import { choiceForDish, orderableDishNames } from './dish-choice';
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
 *
 * Where 按住说话 shows, today's menu is read once so the grammar knows the dish names, and a dish
 * that is heard opens that dish's confirmation (`onDish`), as tapping it on the menu would.
 */
export function ElderVoiceBar({
  api,
  onIntent,
  onDish,
  onVoiceSettings,
}: {
  api: KioskApi;
  onIntent: (intent: VoiceIntent) => void;
  /** a dish of the day was asked for by name */
  onDish: (choice: MealChoice) => void;
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
  const [menu, setMenu] = useState<MenuView | null>(null);
  useEffect(() => {
    if (!canTalk) return;
    let live = true;
    void api.call('meals.menu', {}).then((r) => live && r.ok && setMenu(r.value));
    return () => {
      live = false;
    };
  }, [api, canTalk]);

  const heard = (intent: VoiceIntent): void => {
    const choice = intent.intent === 'dish' && menu ? choiceForDish(menu, intent.dish) : null;
    if (choice) onDish(choice);
    else onIntent(intent);
  };

  return (
    <div className="elder-voice-bar" data-testid="elder-voice-bar">
      {canTalk && (
        <HoldToTalkButton
          api={api}
          onIntent={heard}
          {...(menu ? { dishes: orderableDishNames(menu) } : {})}
        />
      )}
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
