import { useCallback, useRef, useState } from 'react';
import type { VoiceIntent } from '../../contract/calls/speech-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { floatToPcm16Base64 } from './pcm';

export type HoldToTalkState = 'idle' | 'listening' | 'thinking' | 'unavailable';

const SAMPLE_RATE = 16_000;
const MAX_SECONDS = 15;

/**
 * 按住说话: records while the button is held (MediaRecorder, the same as the staff recorder will
 * use), decodes to 16 kHz mono, and asks the core what was said and meant. The core answers
 * `unavailable` when the station has no recognition model: the state says so and the button
 * should hide. Recognition is optional; every command is also a button.
 */
export function useHoldToTalk(api: KioskApi, locale: string, dishes: string[] = []) {
  const [state, setState] = useState<HoldToTalkState>('idle');
  const [heard, setHeard] = useState('');
  const recorder = useRef<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);

  const start = useCallback(async () => {
    if (state !== 'idle') return;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } });
      const rec = new MediaRecorder(stream);
      chunks.current = [];
      rec.ondataavailable = (e) => chunks.current.push(e.data);
      rec.start();
      recorder.current = rec;
      setState('listening');
      window.setTimeout(() => rec.state === 'recording' && rec.stop(), MAX_SECONDS * 1000);
    } catch {
      setState('unavailable'); // no microphone, or permission refused
    }
  }, [state]);

  const stop = useCallback(async (): Promise<VoiceIntent | null> => {
    const rec = recorder.current;
    if (!rec) return null;
    recorder.current = null;
    const stopped = new Promise<void>((resolve) => (rec.onstop = () => resolve()));
    if (rec.state === 'recording') rec.stop();
    await stopped;
    rec.stream.getTracks().forEach((t) => t.stop());
    setState('thinking');
    try {
      const encoded = await new Blob(chunks.current).arrayBuffer();
      // An AudioContext at 16 kHz resamples while decoding: what the recognisers expect.
      const context = new AudioContext({ sampleRate: SAMPLE_RATE });
      const audio = await context.decodeAudioData(encoded);
      void context.close();
      const result = await api.call('voice.recognize', {
        pcm16: floatToPcm16Base64(audio.getChannelData(0)),
        sampleRate: SAMPLE_RATE,
        locale,
        dishes,
      });
      if (!result.ok) {
        setState(result.error.code === 'unavailable' ? 'unavailable' : 'idle');
        return null;
      }
      setHeard(result.value.text);
      setState('idle');
      return result.value.intent;
    } catch {
      setState('idle');
      return null;
    }
  }, [api, locale, dishes]);

  return { state, heard, start, stop };
}
