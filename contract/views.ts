import type { ElderPrefs } from './elder';

/**
 * What the renderer may know about an elder during their session. Never the full ID number
 * (PIPL): only its last four digits, masked by the core.
 */
export interface ElderView {
  id: string;
  name: string;
  gender: 'male' | 'female';
  /** 周岁 on today's date in Asia/Shanghai */
  age: number;
  idNumberMasked: string;
  prefs: ElderPrefs;
}

export interface DemoCard {
  uid: string;
  /** the demo elder's name and age, so whoever tries the demo knows whose card it is */
  label: string;
}

export interface StationInfo {
  id: string;
  name: string;
  district: string;
  defaultLocale: string;
  demo: boolean;
  demoCards: DemoCard[];
  timeouts: { greetingSeconds: number; sessionIdleSeconds: number; messageSeconds: number };
}

/** Where the elder side is: the core owns this so every window and tab agrees. */
export type SessionState =
  | { kind: 'idle' }
  | { kind: 'elder'; sessionId: string; elder: ElderView }
  | { kind: 'card-refused'; reason: 'unknown-card' | 'lost-card' }
  /** a staff card was tapped: the 6-digit PIN is asked for next (none while `locked`) */
  | { kind: 'staff-pin'; staff: StaffView; attemptsLeft: number; locked: boolean }
  /** the staff console; `assisting` is the elder staff act for (both are recorded) */
  | {
      kind: 'staff';
      sessionId: string;
      staff: StaffView;
      assisting: ElderView | null;
      /** a card tapped in the console that is no elder's active card: offered for binding */
      tappedCard: string | null;
    };

/** A staff member as the console shows them (never the PIN or its hash). */
export interface StaffView {
  id: string;
  name: string;
  role: 'staff' | 'supervisor';
}
