import type { SpeechLogEntry, SpokenLine, VoiceIntent } from '../../contract/calls/speech-calls';
import { ApiRefusal, type Handlers } from '../api/dispatch';
import { matchIntent } from '../voice-commands/match-intent';
import { pcm16ToFloat, type SpeechRecognizer } from '../voice-commands/sherpa-recognizer';
import { type SpeechService, UnknownPromptError } from './speech-service';

type SpeechCallName =
  'speech.say' | 'speech.log' | 'voice.match' | 'voice.status' | 'voice.recognize';

/**
 * The KioskApi calls of issue 7, for the core's handler table:
 * `{ ...coreHandlers(core), ...speechHandlers(speech, () => elderLocale) }`.
 * `currentLocale` answers the locale of the elder in session (or the station's), used when the
 * renderer does not name one.
 */
export function speechHandlers(
  speech: SpeechService,
  currentLocale: () => string,
  /** the station's sherpa-onnx recognizer, when a model is configured */
  recognizer: SpeechRecognizer | null = null,
): Pick<Handlers, SpeechCallName> {
  return {
    'speech.say': async (p): Promise<SpokenLine> => {
      try {
        return await speech.say({ ...p, locale: p.locale ?? currentLocale() });
      } catch (e) {
        if (e instanceof UnknownPromptError) throw new ApiRefusal('not-found', e.message);
        throw e;
      }
    },
    'speech.log': (p): SpeechLogEntry[] => speech.recentLines(p.limit),
    'voice.match': (p): VoiceIntent | null =>
      matchIntent(p.text, p.locale ?? currentLocale(), p.dishes ?? []),
    'voice.status': () => ({ recognition: recognizer !== null }),
    'voice.recognize': async (p) => {
      if (!recognizer) {
        throw new ApiRefusal(
          'unavailable',
          'no speech recognition model is configured at this station',
        );
      }
      const samples = pcm16ToFloat(Buffer.from(p.pcm16, 'base64'));
      let text: string;
      try {
        text = await recognizer.recognize(samples, p.sampleRate);
      } catch (e) {
        // A configured model that will not load (sherpa-onnx-node not installed, a bad path)
        // is the station's fault, not the elder's: say so plainly, the screen says "ask staff".
        const why = e instanceof Error ? e.message : String(e);
        throw new ApiRefusal('unavailable', `speech recognition failed: ${why}`);
      }
      return { text, intent: matchIntent(text, p.locale ?? currentLocale(), p.dishes ?? []) };
    },
  };
}
