import { useEffect, useRef } from 'react';
import { DEFAULT_WEDGE, KeyboardWedgeDetector, type WedgeOptions } from './keyboard-wedge';

/**
 * Gives back keys the detector held when they turn out to be typing: inserted where the caret is
 * in a focused input or textarea, with an input event so React's onChange sees them.
 */
function insertText(text: string): void {
  const target = document.activeElement;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? start;
  target.setRangeText(text, start, end, 'end');
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens for keyboard-wedge card readers on the whole window (capture phase, before any input
 * field) and calls onCard with the UID. The lead wires onCard to the core's card tap.
 */
export function useKeyboardWedge(
  onCard: (uid: string) => void,
  options: WedgeOptions = DEFAULT_WEDGE,
): void {
  const onCardRef = useRef(onCard);
  useEffect(() => {
    onCardRef.current = onCard;
  }, [onCard]);

  useEffect(() => {
    const detector = new KeyboardWedgeDetector(options);
    let timer: number | undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || event.repeat)
        return;
      const actions = detector.key(event.key, event.timeStamp);
      for (const action of actions) {
        if (action.type === 'release') insertText(action.text);
        if (action.type === 'card') onCardRef.current(action.uid);
      }
      const verdict = actions[actions.length - 1];
      if (verdict && verdict.type !== 'pass') {
        event.preventDefault();
        event.stopPropagation();
      }
      window.clearTimeout(timer);
      if (detector.holding) {
        timer = window.setTimeout(() => {
          const released = detector.expire(performance.now());
          if (released?.type === 'release') insertText(released.text);
        }, options.maxIntervalMs);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, [options]);
}
