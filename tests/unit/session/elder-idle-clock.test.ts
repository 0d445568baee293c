import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../main/config/load-config';

// Issue 8 item 9, the page's side: at the default 60 s the spoken warning with its big 继续 comes
// at exactly 45 s, the session ends at exactly 60 s, and 继续 (a tap) starts the clock again.
// Fake timers drive the same clock class that useSessionTimer runs on the page.
const SECOND = 1000;
const IDLE = defaultConfig.timeouts.sessionIdleSeconds;

// The renderer is outside this TypeScript project (tsconfig.node.json): loaded at run time by
// path, typed here.
type Component<P> = (props: P) => ReactElement | null;
const fromRenderer = async <T>(path: string): Promise<T> =>
  (await import(
    /* @vite-ignore */ new URL(`../../../renderer/${path}`, import.meta.url).pathname
  )) as T;
interface ClockEvents {
  warn(): void;
  calm(): void;
  end(): void;
  activity?(): void;
}
interface Clock {
  start(): void;
  touch(): void;
  stop(): void;
}
interface ClockModule {
  ElderIdleClock: new (idleSeconds: number, on: ClockEvents, now?: () => number) => Clock;
  PAGE_TOUCH_EVERY_MS: number;
  warningAfterSeconds: (idleSeconds: number) => number;
}
let ElderIdleClock: ClockModule['ElderIdleClock'];
let PAGE_TOUCH_EVERY_MS: number;
let warningAfterSeconds: ClockModule['warningAfterSeconds'];
let SpeechProvider: Component<{ children: ReactElement }>;
let SessionWarning: Component<{ onContinue: () => void }>;
let t: (key: string) => string;

beforeAll(async () => {
  ({ ElderIdleClock, PAGE_TOUCH_EVERY_MS, warningAfterSeconds } = await fromRenderer<ClockModule>(
    'session/elder-idle-clock.ts',
  ));
  t = (
    await (
      await fromRenderer<{ initI18n: (l: string) => Promise<{ t: typeof t }> }>('i18n.ts')
    ).initI18n('zh-CN')
  ).t;
  ({ SpeechProvider } = await fromRenderer<{ SpeechProvider: typeof SpeechProvider }>(
    'speech/speech-context.tsx',
  ));
  ({ SessionWarning } = await fromRenderer<{ SessionWarning: typeof SessionWarning }>(
    'session/SessionWarning.tsx',
  ));
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function clock(now = () => Date.now()) {
  const seen: string[] = [];
  const c = new ElderIdleClock(
    IDLE,
    {
      warn: () => seen.push(`warn@${Date.now()}`),
      calm: () => seen.push(`calm@${Date.now()}`),
      end: () => seen.push(`end@${Date.now()}`),
      activity: () => seen.push(`activity@${Date.now()}`),
    },
    now,
  );
  return { c, seen };
}

describe('the elder session’s idle clock on the page (fake timers)', () => {
  it('is 60 s by default, with the warning 15 s before the end', () => {
    expect(IDLE).toBe(60);
    expect(warningAfterSeconds(IDLE)).toBe(45);
  });

  it('warns at exactly 45 s and ends at exactly 60 s', () => {
    vi.setSystemTime(0);
    const { c, seen } = clock();
    c.start();
    vi.advanceTimersByTime(45 * SECOND - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([`warn@${45 * SECOND}`]);
    vi.advanceTimersByTime(15 * SECOND - 1);
    expect(seen).toEqual([`warn@${45 * SECOND}`]);
    vi.advanceTimersByTime(1);
    // The warning goes with the session; the session ends once.
    expect(seen).toEqual([`warn@${45 * SECOND}`, `calm@${60 * SECOND}`, `end@${60 * SECOND}`]);
    vi.advanceTimersByTime(10 * 60 * SECOND);
    expect(seen.filter((s) => s.startsWith('end'))).toHaveLength(1);
  });

  it('继续 at 50 s takes the warning away and starts the whole 60 s again', () => {
    vi.setSystemTime(0);
    const { c, seen } = clock();
    c.start();
    vi.advanceTimersByTime(50 * SECOND);
    c.touch(); // 继续 is a tap like any other
    expect(seen).toEqual([`warn@${45 * SECOND}`, `calm@${50 * SECOND}`, `activity@${50 * SECOND}`]);
    vi.advanceTimersByTime(45 * SECOND - 1);
    expect(seen.some((s) => s.startsWith('end'))).toBe(false);
    vi.advanceTimersByTime(1);
    expect(seen.at(-1)).toBe(`warn@${95 * SECOND}`);
    vi.advanceTimersByTime(15 * SECOND);
    expect(seen.at(-1)).toBe(`end@${110 * SECOND}`);
  });

  it('taps before the warning keep it away; stop() silences it', () => {
    const { c, seen } = clock();
    c.start();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(40 * SECOND);
      c.touch();
    }
    expect(seen.filter((s) => !s.startsWith('activity'))).toEqual([]);
    c.stop();
    vi.advanceTimersByTime(120 * SECOND);
    expect(seen.filter((s) => !s.startsWith('activity'))).toEqual([]);
  });

  it('tells the core of taps at most every 5 s (its backstop waits longer than that)', () => {
    vi.setSystemTime(0);
    const { c, seen } = clock();
    c.start();
    for (let i = 0; i < 12; i++) {
      c.touch();
      vi.advanceTimersByTime(SECOND);
    }
    expect(PAGE_TOUCH_EVERY_MS).toBe(5 * SECOND);
    expect(seen).toEqual(['activity@0', 'activity@5000', 'activity@10000']);
  });

  it('the warning it brings says so aloud and shows one big 继续', () => {
    const html = renderToStaticMarkup(
      createElement(SpeechProvider, {
        children: createElement(SessionWarning, { onContinue: () => undefined }),
      }),
    );
    expect(html).toContain('role="alertdialog"');
    expect(html).toMatch(/<button[^>]*data-testid="session-continue"[^>]*>.*继续.*<\/button>/s);
    expect(html).toContain(t('session.warningTitle'));
    // The line it speaks (useSpokenLine('session.spoken')) names the button too.
    expect(t('session.spoken')).toContain('继续');
  });
});
