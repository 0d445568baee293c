import type { SpeechParams } from '../../contract/calls/speech-calls';

/**
 * A line to speak: a locale key and its parameters, so a voice pack can find a recorded clip.
 * Money, counts and ticket numbers go in as numbers (fen), the screen's own words as nested keys
 * (see renderer/speech/lines/); only data such as a name or a dish is text.
 */
export interface SpokenLine {
  key: string;
  params?: SpeechParams;
}
