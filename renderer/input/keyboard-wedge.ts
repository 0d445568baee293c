/**
 * Keyboard-wedge fallback: many USB card readers type the UID as keystrokes ending in Enter. A
 * reader types at machine speed; a person does not. This detector holds back hex keys while they
 * come faster than `maxIntervalMs` apart; a burst of at least `minLength` of them ending in Enter
 * is a card and never reaches an input field; anything else is released to the page unchanged.
 * Pure logic (no DOM), so it is tested with plain timestamps; use-keyboard-wedge.ts wires it up.
 */
export interface WedgeOptions {
  minLength: number;
  maxIntervalMs: number;
}

export const DEFAULT_WEDGE: WedgeOptions = { minLength: 6, maxIntervalMs: 50 };

export type WedgeAction =
  /** swallow this key for now: it may be part of a card burst */
  | { type: 'hold' }
  /** let this key through as it is */
  | { type: 'pass' }
  /** swallow this Enter: the held burst was a card */
  | { type: 'card'; uid: string }
  /** the held keys were typing after all: give them back to the page, in order */
  | { type: 'release'; text: string };

const isUidChar = (key: string): boolean => key.length === 1 && /[0-9A-Fa-f]/.test(key);

export class KeyboardWedgeDetector {
  private held = '';
  private last = 0;

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE) {}

  /** Whether keys are being held (the caller arms a timer to call expire() then). */
  get holding(): boolean {
    return this.held.length > 0;
  }

  /**
   * One keydown at time `at` (ms). Returns what to do, in order: possibly a release of earlier
   * held keys, then the verdict for this key (always the last action).
   */
  key(key: string, at: number): WedgeAction[] {
    const actions: WedgeAction[] = [];
    if (this.held && at - this.last >= this.options.maxIntervalMs) actions.push(this.release());
    if (isUidChar(key)) {
      this.held += key;
      this.last = at;
      actions.push({ type: 'hold' });
      return actions;
    }
    if (key === 'Enter' && this.held.length >= this.options.minLength) {
      const uid = this.held.toUpperCase();
      this.held = '';
      actions.push({ type: 'card', uid });
      return actions;
    }
    if (this.held) actions.push(this.release());
    actions.push({ type: 'pass' });
    return actions;
  }

  /** Called when no key followed within maxIntervalMs: held keys were a person typing. */
  expire(at: number): WedgeAction | null {
    if (!this.held || at - this.last < this.options.maxIntervalMs) return null;
    return this.release();
  }

  private release(): WedgeAction {
    const text = this.held;
    this.held = '';
    return { type: 'release', text };
  }
}
