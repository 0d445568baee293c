import type { SpeechLogEntry } from '../../contract/calls/speech-calls';

/**
 * A spoken line as one line of the station log: which prompt, in which locale, by which engine,
 * and how long until its audio was ready. Never the caption or the params: they carry elders'
 * names (the greeting), and the station log must hold no personal data.
 */
export function stationSpeechLogLine(entry: SpeechLogEntry): string {
  const what = entry.key ?? '(literal text)';
  return `speech: ${what} ${entry.locale} by ${entry.engine} in ${entry.ms} ms`;
}
