import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The detector lives in the renderer's TypeScript project (tsconfig.web.json), which the node
// project that type-checks tests/ may not import from (TS6307). So it is loaded by a computed
// specifier and typed here by shape; a changed API fails these tests at run time.
type WedgeAction =
  | { type: 'hold' }
  | { type: 'pass' }
  | { type: 'card'; uid: string }
  | { type: 'release'; text: string };
interface Detector {
  readonly holding: boolean;
  key(key: string, at: number): WedgeAction[];
  expire(at: number): WedgeAction | null;
}
const WEDGE_MODULE = ['..', '..', 'renderer', 'input', 'keyboard-wedge'].join('/');
const { KeyboardWedgeDetector } = (await import(WEDGE_MODULE)) as {
  KeyboardWedgeDetector: new () => Detector;
};

/** Types `keys` with the given gaps (ms) and collects every action, expiring held keys as a timer would. */
function type(keys: string[], gaps: number[]): WedgeAction[] {
  const detector = new KeyboardWedgeDetector();
  const actions: WedgeAction[] = [];
  let t = 1000;
  keys.forEach((key, i) => {
    const next = t + (i === 0 ? 0 : (gaps[i - 1] ?? 0));
    // the hook's timer fires maxIntervalMs after the last held key, if no key came first
    if (detector.holding && next - t >= 50) {
      const released = detector.expire(t + 50);
      if (released) actions.push(released);
    }
    t = next;
    actions.push(...detector.key(key, t));
  });
  const tail = detector.expire(t + 50);
  if (tail) actions.push(tail);
  return actions;
}

const typed = (actions: WedgeAction[]): string =>
  actions.map((a) => (a.type === 'release' ? a.text : '')).join('');

describe('keyboard-wedge detector', () => {
  it('a reader burst (8 hex keys 10 ms apart, Enter) is a card and no key reaches the page', () => {
    const keys = [...'04a2b3c4', 'Enter'];
    const actions = type(keys, new Array<number>(8).fill(10));
    expect(actions.filter((a) => a.type === 'card')).toEqual([{ type: 'card', uid: '04A2B3C4' }]);
    expect(actions.some((a) => a.type === 'release' || a.type === 'pass')).toBe(false);
  });

  it('a 10-digit decimal reader is a card too', () => {
    const actions = type([...'0077771716', 'Enter'], new Array<number>(10).fill(20));
    expect(actions.at(-1)).toEqual({ type: 'card', uid: '0077771716' });
  });

  it('a person typing the same characters (150 ms apart) gets every key back, in order', () => {
    const keys = [...'04a2b3c4', 'Enter'];
    const actions = type(keys, new Array<number>(8).fill(150));
    expect(actions.some((a) => a.type === 'card')).toBe(false);
    expect(typed(actions)).toBe('04a2b3c4');
    expect(actions.at(-1)).toEqual({ type: 'pass' });
  });

  it('a fast burst shorter than 6 keys is released, and its Enter passes', () => {
    const actions = type([...'12345', 'Enter'], [10, 10, 10, 10, 10]);
    expect(actions).toEqual([
      { type: 'hold' },
      { type: 'hold' },
      { type: 'hold' },
      { type: 'hold' },
      { type: 'hold' },
      { type: 'release', text: '12345' },
      { type: 'pass' },
    ]);
  });

  it('one slow gap inside the burst breaks it; a non-hex key releases what was held', () => {
    const slow = type([...'123456', 'Enter'], [10, 10, 80, 10, 10, 10]);
    expect(slow.some((a) => a.type === 'card')).toBe(false);
    expect(typed(slow)).toBe('123456');
    const word = type([...'abcx'], [10, 10, 10]);
    expect(word).toEqual([
      { type: 'hold' },
      { type: 'hold' },
      { type: 'hold' },
      { type: 'release', text: 'abc' },
      { type: 'pass' },
    ]);
  });

  it('property: keys typed at human speed (>= 50 ms apart) are never a card and all reach the page', () => {
    const key = fc.constantFrom(...'0123456789abcdefABCDEF', 'Enter', 'x', 'Backspace');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer({ min: 50, max: 2000 })), { maxLength: 40 }),
        (presses) => {
          const keys = presses.map(([k]) => k);
          const actions = type(keys, presses.map(([, g]) => g).slice(1));
          expect(actions.some((a) => a.type === 'card')).toBe(false);
          const hex = keys.filter((k) => k.length === 1 && /[0-9a-fA-F]/.test(k)).join('');
          expect(typed(actions)).toBe(hex);
        },
      ),
    );
  });
});
