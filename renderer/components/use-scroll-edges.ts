import { useEffect, useState, type RefObject } from 'react';

export interface ScrollEdges {
  /** there is more above what is shown */
  canUp: boolean;
  /** there is more below what is shown */
  canDown: boolean;
  /** scrolls one screenful (less a line, so the eye keeps its place) up (-1) or down (1) */
  page: (direction: -1 | 1) => void;
}

/**
 * Whether a scrolling box has more to show above or below, kept up to date as it scrolls, resizes
 * or its content changes; and a page turn by tap, so nobody has to swipe.
 */
export function useScrollEdges(box: RefObject<HTMLElement | null>): ScrollEdges {
  const [edges, setEdges] = useState({ canUp: false, canDown: false });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = (): void => {
      const canUp = el.scrollTop > 1;
      const canDown = el.scrollTop + el.clientHeight < el.scrollHeight - 1;
      setEdges((e) => (e.canUp === canUp && e.canDown === canDown ? e : { canUp, canDown }));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    const changed = new MutationObserver(() => {
      measure();
      // New children (a list that loaded) resize without a mutation of their own.
      for (const child of el.children) resized.observe(child);
    });
    changed.observe(el, { childList: true, subtree: true, characterData: true });
    for (const child of el.children) resized.observe(child);
    return () => {
      el.removeEventListener('scroll', measure);
      resized.disconnect();
      changed.disconnect();
    };
  }, [box]);

  const page = (direction: -1 | 1): void => {
    const el = box.current;
    if (el) el.scrollBy({ top: direction * Math.max(el.clientHeight - 96, 96) });
  };
  return { ...edges, page };
}
