import { useEffect } from 'react';

/**
 * Ends an elder session after `seconds` without a touch, so the next person never sees the last
 * one's details. Any pointer or key event restarts the count.
 */
export function useIdleTimeout(active: boolean, seconds: number, onTimeout: () => void): void {
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(onTimeout, seconds * 1000);
    const restart = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onTimeout, seconds * 1000);
    };
    window.addEventListener('pointerdown', restart);
    window.addEventListener('keydown', restart);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', restart);
      window.removeEventListener('keydown', restart);
    };
  }, [active, seconds, onTimeout]);
}
