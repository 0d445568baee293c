import { useCallback, useEffect, useRef, useState } from 'react';
import { ElderIdleClock } from './elder-idle-clock';

/**
 * The elder session's idle clock (ElderIdleClock): after 45 s of 60 without a touch the warning
 * shows (so no one is timed out without being told and given a big 继续), after 60 s the session
 * ends so the next person never sees the last one's details. Any pointer or key event starts
 * again, and is reported through `onActivity` (at most every few seconds) for the core's own
 * backstop clock.
 */
export function useSessionTimer(
  /** the elder session's id, null outside one: a new session (another card) starts a new clock */
  sessionId: string | null,
  idleSeconds: number,
  onTimeout: () => void,
  onActivity?: () => void,
): { warning: boolean; keepGoing: () => void } {
  const [warning, setWarning] = useState(false);
  const restartRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (sessionId === null) return;
    const clock = new ElderIdleClock(idleSeconds, {
      warn: () => setWarning(true),
      calm: () => setWarning(false),
      end: onTimeout,
      ...(onActivity ? { activity: onActivity } : {}),
    });
    const touch = (): void => clock.touch();
    clock.start();
    restartRef.current = touch;
    window.addEventListener('pointerdown', touch);
    window.addEventListener('keydown', touch);
    return () => {
      clock.stop();
      setWarning(false);
      restartRef.current = () => undefined;
      window.removeEventListener('pointerdown', touch);
      window.removeEventListener('keydown', touch);
    };
  }, [sessionId, idleSeconds, onTimeout, onActivity]);

  const keepGoing = useCallback(() => restartRef.current(), []);
  // Outside a session there is never a warning, whatever the last one left behind.
  return { warning: sessionId !== null && warning, keepGoing };
}
