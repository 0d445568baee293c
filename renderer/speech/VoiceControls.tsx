import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../components/BigButton';
import { ScreenFrame } from '../components/ScreenFrame';
import { resources } from '../i18n';
import { useSpeech, useSpokenLine, type VoiceSettings } from './speech-context';
import { RATE_STEPS, step, VOLUME_STEPS, volumeBars } from './voice-steps';
import './voice.css';

/** The order elders see the languages in: Mandarin, then the dialects of the region, then English. */
const LOCALE_ORDER = ['zh-CN', 'wuu', 'zh-x-henan', 'yue', 'en'];
const locales = LOCALE_ORDER.filter((l) => l in resources);

const SAMPLE = { key: 'voicectl:sample' };

/**
 * 声音和方言 (issue 7, item 4): the elder changes the language, the speed and the loudness, and
 * hears a sample line at once with the new setting. The change lasts for this session: there is no
 * KioskApi call that writes an elder's prefs (the roster is the city platform's), and the speech
 * provider puts the station's voice back when the session ends; App puts the locale back.
 */
export function VoiceControls({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation('voicectl');
  const { say, voice, setVoice } = useSpeech();
  useSpokenLine('voicectl:spoken');

  // A new language reaches `say` only after the re-render, so its sample is spoken from an effect
  // declared after useSpokenLine's: the sample is the last line asked for, and wins.
  const sampleAfterRender = useRef(false);
  useEffect(() => {
    if (!sampleAfterRender.current) return;
    sampleAfterRender.current = false;
    say(SAMPLE);
  }, [say]);

  /** one step of rate or volume, said at once; at the end of the scale, says so instead */
  const change = (what: keyof VoiceSettings, value: number | null, atEnd: string): void => {
    if (value === null) {
      say({ key: atEnd });
      return;
    }
    setVoice({ [what]: value });
    say(SAMPLE);
  };
  const chooseLocale = (lng: string): void => {
    if (lng === i18n.language) {
      say(SAMPLE);
      return;
    }
    sampleAfterRender.current = true;
    void i18n.changeLanguage(lng);
  };

  const bars = volumeBars(voice.volume);
  return (
    <ScreenFrame title={t('title')} onBack={onDone} onHome={onDone}>
      <div className="voice-controls">
        <div role="group" aria-labelledby="voicectl-language" className="voice-controls__group">
          <h2 id="voicectl-language">{t('language')}</h2>
          <div className="voice-controls__buttons">
            {locales.map((lng) => (
              <BigButton
                key={lng}
                icon="🗣"
                label={t(`languages.${lng}`)}
                onClick={() => chooseLocale(lng)}
                variant={lng === i18n.language ? 'primary' : 'secondary'}
                pressed={lng === i18n.language}
                compact
                testId={`voicectl-locale-${lng}`}
              />
            ))}
          </div>
        </div>

        <div role="group" aria-labelledby="voicectl-rate" className="voice-controls__group">
          <h2 id="voicectl-rate">{t('rate')}</h2>
          <div className="voice-controls__buttons">
            <BigButton
              icon="🐢"
              label={t('slower')}
              onClick={() => change('rate', step(RATE_STEPS, voice.rate, -1), 'voicectl:slowest')}
              variant={voice.rate < 1 ? 'primary' : 'secondary'}
              pressed={voice.rate < 1}
              compact
              testId="voicectl-slower"
            />
            <BigButton
              icon="🚶"
              label={t('normal')}
              onClick={() => change('rate', 1, 'voicectl:sample')}
              variant={voice.rate === 1 ? 'primary' : 'secondary'}
              pressed={voice.rate === 1}
              compact
              testId="voicectl-normal"
            />
            <BigButton
              icon="🐇"
              label={t('faster')}
              onClick={() => change('rate', step(RATE_STEPS, voice.rate, 1), 'voicectl:fastest')}
              variant={voice.rate > 1 ? 'primary' : 'secondary'}
              pressed={voice.rate > 1}
              compact
              testId="voicectl-faster"
            />
          </div>
        </div>

        <div role="group" aria-labelledby="voicectl-volume" className="voice-controls__group">
          <h2 id="voicectl-volume">{t('volume')}</h2>
          <div className="voice-controls__buttons">
            <BigButton
              icon="🔉"
              label={t('quieter')}
              onClick={() =>
                change('volume', step(VOLUME_STEPS, voice.volume, -1), 'voicectl:quietest')
              }
              variant="secondary"
              compact
              testId="voicectl-quieter"
            />
            <p className="voice-controls__bars" data-testid="voicectl-bars">
              <span aria-hidden="true">
                {'▮'.repeat(bars)}
                {'▯'.repeat(VOLUME_STEPS.length - bars)}
              </span>{' '}
              {t('volumeNow', { level: bars })}
            </p>
            <BigButton
              icon="🔊"
              label={t('louder')}
              onClick={() =>
                change('volume', step(VOLUME_STEPS, voice.volume, 1), 'voicectl:loudest')
              }
              variant="secondary"
              compact
              testId="voicectl-louder"
            />
          </div>
        </div>

        <p className="voice-controls__note">{t('sessionOnly')}</p>
      </div>
    </ScreenFrame>
  );
}
