/**
 * One measured figure. Every figure is printed with a baseline measured in the same run on the same
 * machine, because these machines are noisy and absolute numbers alone mean little.
 */
export interface BenchFigure {
  name: string;
  unit: 'ms' | 'MB' | 'KB' | 'ops/s' | 'tx/s';
  value: number;
  /** what the value is compared against, measured in the same run; null for absolute budgets */
  baseline: { name: string; value: number } | null;
  /** the goal: a ratio to the baseline, or an absolute ceiling when there is no baseline */
  goal: { maxRatio: number } | { maxValue: number } | { minRatio: number };
}

/** A file in bench/cases/ named *.bench.ts exports `run` returning its figures. */
export type BenchRun = () => Promise<BenchFigure[]>;
