/**
 * The last link of the chain: the system's speechSynthesis, used only when the core made no audio
 * and only when the browser has a voice for the language (on Linux Electron it usually has none).
 * Answers whether it spoke; `onEnd` is called when the utterance ends, is cancelled or fails.
 */
export function speakWithBrowser(
  text: string,
  lang: string,
  rate: number,
  volume: number,
  onEnd?: () => void,
): boolean {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth) return false;
  synth.cancel();
  const voices = synth.getVoices();
  const base = lang.split('-')[0] ?? lang;
  const voice = voices.find((v) => v.lang === lang) ?? voices.find((v) => v.lang.startsWith(base));
  if (!voice) return false;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = rate;
  utterance.volume = volume;
  if (onEnd) {
    utterance.onend = () => onEnd();
    utterance.onerror = () => onEnd();
  }
  synth.speak(utterance);
  return true;
}

export function stopBrowserVoice(): void {
  if (typeof window !== 'undefined') window.speechSynthesis?.cancel();
}
