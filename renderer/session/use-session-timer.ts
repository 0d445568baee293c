import { useCallback, useEffect, useRef, useState } from 'react';

/** When the spoken warning comes: 15 s before the end (45 s of 60), never before half-way. */
export function warningAfterSeconds(idleSeconds: number): number {
  return Math.max(idleSeconds / 2, idleSeconds - 15);
}

/**
 * The elder session's idle clock: after `warnSeconds` without a touch the warning shows (so no
 * one is timed out without being told and given a big 继续), after `idleSeconds` the session ends
 * so the next person never sees the last one's details. Any pointer or key event starts again.
 */
export function useSessionTimer(
  active: boolean,
  idleSeconds: number,
  onTimeout: () => void,
): { warning: boolean; keepGoing: () => void } {
  const [warning, setWarning] = useState(false);
  const restartRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!active) return;
    let warnTimer = 0;
    let endTimer = 0;
    const start = (): void => {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      setWarning(false);
      warnTimer = window.setTimeout(
        () => setWarning(true),
        warningAfterSeconds(idleSeconds) * 1000,
      );
      endTimer = window.setTimeout(() => {
        setWarning(false);
        onTimeout();
      }, idleSeconds * 1000);
    };
    start();
    restartRef.current = start;
    window.addEventListener('pointerdown', start);
    window.addEventListener('keydown', start);
    return () => {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      restartRef.current = () => undefined;
      window.removeEventListener('pointerdown', start);
      window.removeEventListener('keydown', start);
    };
  }, [active, idleSeconds, onTimeout]);

  const keepGoing = useCallback(() => restartRef.current(), []);
  // Outside a session there is never a warning, whatever the last one left behind.
  return { warning: active && warning, keepGoing };
}
