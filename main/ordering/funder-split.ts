import type { FunderSplit } from '../../contract/calls/ordering-calls';
import type { Share } from './meals-config';

export type Payer = 'government' | 'enterprise' | 'charity';

/** The order funders are applied in: when a cap bites, the elder's own share is protected first. */
const PAYERS: readonly Payer[] = ['government', 'enterprise', 'charity'];

export const zeroSplit = (): FunderSplit => ({
  fullFen: 0,
  government: 0,
  enterprise: 0,
  charity: 0,
  personal: 0,
});

/**
 * A split as the five money columns of an order or booking row, in the order their tables list
 * them: full_fen, government_fen, enterprise_fen, charity_fen, personal_fen.
 */
export const splitColumns = (split: FunderSplit): [number, number, number, number, number] => [
  split.fullFen,
  split.government,
  split.enterprise,
  split.charity,
  split.personal,
];

/** What one share asks for on a price, before caps: percent shares round down to whole fen. */
function asked(share: Share, priceFen: number): number {
  return 'fen' in share ? share.fen : Math.floor((priceFen * share.percent) / 100);
}

/**
 * Splits one price between the funders. Each payer gives what its share asks, capped so that the
 * elder still pays `minPersonalFen` (or the whole price if it is smaller) and nobody pays more than
 * the price; the elder pays the rest. The parts are integers and always sum to the price exactly.
 */
export function splitPrice(
  priceFen: number,
  shares: Record<Payer, Share>,
  minPersonalFen: number,
): FunderSplit {
  if (!Number.isSafeInteger(priceFen) || priceFen < 0)
    throw new RangeError(`price must be whole fen ≥ 0, got ${priceFen}`);
  const split = { ...zeroSplit(), fullFen: priceFen };
  let room = priceFen - Math.min(minPersonalFen, priceFen);
  for (const payer of PAYERS) {
    const part = Math.min(asked(shares[payer], priceFen), room);
    split[payer] = part;
    room -= part;
  }
  split.personal = priceFen - split.government - split.enterprise - split.charity;
  return split;
}

/** The whole price paid by one payer (a free delivery, a government-purchased service hour). */
export function paidBy(priceFen: number, payer: Payer | 'personal'): FunderSplit {
  return { ...zeroSplit(), fullFen: priceFen, [payer]: priceFen };
}

export function addSplits(parts: readonly FunderSplit[]): FunderSplit {
  return parts.reduce(
    (sum, p) => ({
      fullFen: sum.fullFen + p.fullFen,
      government: sum.government + p.government,
      enterprise: sum.enterprise + p.enterprise,
      charity: sum.charity + p.charity,
      personal: sum.personal + p.personal,
    }),
    zeroSplit(),
  );
}
