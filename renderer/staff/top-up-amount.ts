import { topUpLimits } from '../../contract/calls/counter-calls';

/**
 * Reads what staff typed as yuan ("50", "50.5", "50.50") into whole fen without floating point;
 * null when it is not such an amount or lies outside the counter's limits.
 */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen >= topUpLimits.minFen && fen <= topUpLimits.maxFen ? fen : null;
}

export const fenToYuanText = (fen: number): string => (fen / 100).toFixed(2);
