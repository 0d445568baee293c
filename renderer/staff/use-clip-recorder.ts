import { useCallback, useEffect, useRef, useState } from 'react';

export type ClipState = 'idle' | 'recording' | 'recorded';

/** The longest take; a prompt is a sentence or two, and the core refuses clips over 2 MB. */
const MAX_SECONDS = 60;

/** The types the core accepts, best first; MediaRecorder picks the first one it can make. */
const PREFERRED = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/ogg'];

/**
 * One take from the microphone (getUserMedia + MediaRecorder) for the staff recorder: record, stop,
 * play back, and hand over the bytes as base64 with their type. The microphone is released as
 * soon as a take stops, so the kiosk never listens in between.
 */
export function useClipRecorder() {
  const [state, setState] = useState<ClipState>('idle');
  const [error, setError] = useState<'mic' | 'empty' | null>(null);
  const [clip, setClip] = useState<{ blob: Blob; url: string } | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const player = useRef<HTMLAudioElement | null>(null);

  const discard = useCallback(() => {
    player.current?.pause();
    setClip((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return null;
    });
    setState('idle');
  }, []);

  const start = useCallback(async () => {
    if (recorder.current) return;
    discard();
    setError(null);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } });
    } catch {
      setError('mic');
      return;
    }
    const mimeType = PREFERRED.find((m) => MediaRecorder.isTypeSupported(m));
    const rec = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    rec.onstop = () => {
      stream.getTracks().forEach((t) => t.stop());
      recorder.current = null;
      const blob = new Blob(chunks, { type: rec.mimeType || mimeType || 'audio/webm' });
      if (blob.size === 0) {
        setError('empty');
        setState('idle');
        return;
      }
      setClip({ blob, url: URL.createObjectURL(blob) });
      setState('recorded');
    };
    rec.start();
    recorder.current = rec;
    setState('recording');
    window.setTimeout(() => rec.state === 'recording' && rec.stop(), MAX_SECONDS * 1000);
  }, [discard]);

  const stop = useCallback(() => {
    const rec = recorder.current;
    if (rec?.state === 'recording') rec.stop();
  }, []);

  const play = useCallback(() => {
    if (!clip) return;
    player.current ??= new Audio();
    player.current.src = clip.url;
    void player.current.play();
  }, [clip]);

  /** the take as the core's saveClip wants it */
  const encoded = useCallback(async (): Promise<{ mime: string; audio: string } | null> => {
    if (!clip) return null;
    const bytes = new Uint8Array(await clip.blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { mime: clip.blob.type, audio: btoa(binary) };
  }, [clip]);

  // Leaving the tab mid-take stops the microphone.
  useEffect(
    () => () => {
      const rec = recorder.current;
      if (rec?.state === 'recording') rec.stop();
      player.current?.pause();
    },
    [],
  );

  return { state, error, clip, start, stop, play, discard, encoded };
}
