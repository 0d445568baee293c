/**
 * The steps of the on-screen voice controls. Five of each, so "one step louder" is a change an
 * elder can hear, and the level can be shown as 格 (bars) rather than a number to read.
 */
export const VOLUME_STEPS = [0.2, 0.4, 0.6, 0.8, 1] as const;
export const RATE_STEPS = [0.6, 0.8, 1, 1.2, 1.4] as const;
const EPS = 1e-6;

/** the next step above (+1) or below (-1) `value`, or null at the end */
export function step(steps: readonly number[], value: number, dir: 1 | -1): number | null {
  if (dir > 0) return steps.find((s) => s > value + EPS) ?? null;
  return [...steps].reverse().find((s) => s < value - EPS) ?? null;
}

/** how many bars to show for a volume: the steps it reaches (0.9 → 4 of 5) */
export const volumeBars = (volume: number): number =>
  Math.max(1, VOLUME_STEPS.filter((s) => s <= volume + EPS).length);
