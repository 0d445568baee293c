import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { SpokenLine as CoreLine, SpeechParams } from '../../contract/calls/speech-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { speakWithBrowser, stopBrowserVoice } from './browser-voice';
import { LinePlayer } from './line-player';
import { isPlainLine, localCaption } from './local-caption';
import type { SpokenLine } from './spoken-line';

export type { SpokenLine };

/** The elder's rate (0.5–2) and volume (0–1); back to the station's when the session ends. */
export interface VoiceSettings {
  rate: number;
  volume: number;
}

interface SpeechApi {
  /** speaks a line (interrupting the one before) and shows it in the caption bar at once */
  say(line: SpokenLine): void;
  /**
   * speaks the lines one after another, each once the one before has been heard out (so a screen's
   * prompt can follow the 服务找人 reminders instead of cutting them off); a say(), repeat() or
   * silence() meanwhile drops the rest
   */
  sayInOrder(lines: readonly SpokenLine[]): void;
  /** 再听一遍: speaks the last line again */
  repeat(): void;
  /** clears the caption and stops speaking (when the session ends) */
  silence(): void;
  caption: string;
  voice: VoiceSettings;
  /** louder, quieter, slower, faster on screen; for this session only */
  setVoice(change: Partial<VoiceSettings>): void;
}

const SpeechContext = createContext<SpeechApi | null>(null);

/** Until the core's first line says otherwise: the core's own default when no config sets one. */
const unknownStationVoice: VoiceSettings = { rate: 1, volume: 1 };

/**
 * Every spoken line is also shown as a caption at the same moment, for elders who are hard of
 * hearing. The core makes the audio (the elder's dialect clip, else an offline TTS) and this
 * provider plays it; when the core made none, the browser's speechSynthesis tries. Without an
 * `api` (a test, a storybook) only speechSynthesis is used.
 */
export function SpeechProvider({ children, api }: { children: ReactNode; api?: KioskApi }) {
  const { t, i18n } = useTranslation();
  const [caption, setCaption] = useState('');
  /**
   * The elder's voice while they are in session (their prefs, then what they change on screen);
   * null otherwise, and then no rate or volume is sent: the core says the line with the station's
   * (config speech.rate / speech.volume), which is how the station's voice comes back when a
   * session ends.
   */
  const [override, setOverride] = useState<VoiceSettings | null>(null);
  const voiceRef = useRef(override);
  /** the station's voice as the core last reported it, shown when no elder voice is set */
  const [stationVoice, setStationVoiceState] = useState<VoiceSettings>(unknownStationVoice);
  // Read through a ref in say(): a new `say` would make every screen's useSpokenLine speak again.
  const stationVoiceRef = useRef(stationVoice);
  const setStationVoice = useCallback((next: VoiceSettings) => {
    const known = stationVoiceRef.current;
    if (known.rate === next.rate && known.volume === next.volume) return;
    stationVoiceRef.current = next;
    setStationVoiceState(next);
  }, []);
  const lastLine = useRef<SpokenLine | null>(null);
  /** the last line's audio (made at `line.rate`), for 再听一遍 without a round trip */
  const lastAudio = useRef<CoreLine | null>(null);
  const seq = useRef(0);
  const player = useRef<LinePlayer | null>(null);

  const applyVoice = useCallback((next: VoiceSettings | null) => {
    voiceRef.current = next;
    setOverride(next);
  }, []);

  // The elder's prefs while they are in session; the station's voice again when it ends.
  useEffect(() => {
    if (!api) return;
    const off = api.on('session', (s) =>
      applyVoice(
        s.kind === 'elder'
          ? { rate: s.elder.prefs.speechRate, volume: s.elder.prefs.volume }
          : null,
      ),
    );
    void api.call('session.current', {}).then((r) => {
      if (r.ok && r.value.kind === 'elder') {
        applyVoice({ rate: r.value.elder.prefs.speechRate, volume: r.value.elder.prefs.volume });
      }
    });
    return off;
  }, [api, applyVoice]);

  const stop = useCallback(() => {
    player.current?.stop();
    stopBrowserVoice();
  }, []);

  /** Plays a core line; settles when it has ended, failed or been cut off. */
  const playCoreLine = useCallback(
    (line: CoreLine, rate: number, volume: number): Promise<void> => {
      if (line.segments.length > 0) {
        // One audio element for the whole kiosk, made on first use (never during render).
        player.current ??= new LinePlayer(new Audio());
        return player.current.play(line.segments, volume).then(() => undefined);
      }
      if (line.fallback) return browserLine(line.fallback.text, line.fallback.lang, rate, volume);
      return Promise.resolve();
    },
    [],
  );

  /** Speaks a line; resolves true if it was heard out, false if a newer line cut it off. */
  const speak = useCallback(
    (line: SpokenLine): Promise<boolean> => {
      const id = ++seq.current;
      stop();
      lastLine.current = line;
      lastAudio.current = null;
      // A line of plain text shows at once, exactly as the core will caption it. One with numbers or
      // nested words waits for the core's caption (七元五角, not ¥7.50), which comes with its audio.
      setCaption(isPlainLine(line.params) ? t(line.key, line.params) : '');
      const chosen = voiceRef.current;
      const { rate, volume } = chosen ?? stationVoiceRef.current;
      const current = (): boolean => id === seq.current;
      if (!api) {
        const text = localCaption(t, line);
        setCaption(text);
        return browserLine(text, i18n.language, rate, volume).then(current);
      }
      const payload = {
        key: line.key,
        locale: i18n.language,
        ...(chosen ? { rate: chosen.rate, volume: chosen.volume } : {}),
        ...(line.params ? { params: line.params } : {}),
      };
      return api.call('speech.say', payload).then(async (result) => {
        if (!current()) return false; // a newer line started meanwhile
        if (!result.ok) {
          const text = localCaption(t, line);
          setCaption(text);
          await browserLine(text, i18n.language, rate, volume);
          return current();
        }
        const spoken = result.value;
        if (!chosen) setStationVoice({ rate: spoken.rate, volume: spoken.volume });
        lastAudio.current = spoken;
        setCaption(spoken.caption);
        await playCoreLine(spoken, spoken.rate, spoken.volume);
        return current();
      });
    },
    [api, t, i18n.language, stop, playCoreLine, setStationVoice],
  );

  const say = useCallback((line: SpokenLine) => void speak(line).catch(() => false), [speak]);

  const sayInOrder = useCallback(
    (lines: readonly SpokenLine[]) => {
      void (async () => {
        for (const line of lines) if (!(await speak(line).catch(() => false))) return;
      })();
    },
    [speak],
  );

  const repeat = useCallback(() => {
    const last = lastAudio.current;
    const chosen = voiceRef.current;
    // The same audio again without a round trip, unless the elder changed the rate since (TTS
    // audio is made at a rate); a new volume is simply applied.
    if (last && (chosen === null || last.rate === chosen.rate)) {
      seq.current += 1;
      stop();
      setCaption(last.caption);
      void playCoreLine(last, last.rate, chosen?.volume ?? last.volume);
    } else if (lastLine.current) say(lastLine.current);
  }, [say, stop, playCoreLine]);

  const silence = useCallback(() => {
    seq.current += 1;
    lastLine.current = null;
    lastAudio.current = null;
    setCaption('');
    stop();
  }, [stop]);

  const setVoice = useCallback(
    (change: Partial<VoiceSettings>) =>
      applyVoice({ ...(voiceRef.current ?? stationVoiceRef.current), ...change }),
    [applyVoice],
  );
  const voice = override ?? stationVoice;

  // Nothing keeps talking after the kiosk page goes away.
  useEffect(() => stop, [stop]);

  const value = useMemo(
    () => ({ say, sayInOrder, repeat, silence, caption, voice, setVoice }),
    [say, sayInOrder, repeat, silence, caption, voice, setVoice],
  );
  return <SpeechContext.Provider value={value}>{children}</SpeechContext.Provider>;
}

export function useSpeech(): SpeechApi {
  const api = useContext(SpeechContext);
  if (!api) throw new Error('useSpeech must be used inside <SpeechProvider>');
  return api;
}

/** Speaks a screen's line when the screen appears (and again if the line changes). */
export function useSpokenLine(key: string, params?: SpeechParams): void {
  const { say } = useSpeech();
  const paramsKey = JSON.stringify(params ?? {});
  useEffect(() => {
    say({ key, params: JSON.parse(paramsKey) as SpeechParams });
  }, [say, key, paramsKey]);
}

/** The browser's own voice as a promise that settles when it has finished (or had none to use). */
function browserLine(text: string, lang: string, rate: number, volume: number): Promise<void> {
  return new Promise((resolve) => {
    if (!speakWithBrowser(text, lang, rate, volume, resolve)) resolve();
  });
}
