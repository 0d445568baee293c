import { randomUUID } from 'node:crypto';
import type { Db } from '../store/open-database';
import { appendToOutbox } from '../store/outbox';
import { post, type Account, type ElderAccount } from './ledger';

/**
 * Money into an elder's account (a family top-up at the counter, a monthly subsidy credit): one
 * balanced posting and its outbox row in one transaction, like every other movement of money.
 */
export function deposit(
  db: Db,
  d: {
    elderId: string;
    account: Exclude<ElderAccount, 'counter:cash-due'>;
    amountFen: number;
    from: Extract<Account, 'counter:cash-drawer' | `funder:${string}`>;
    at: string;
    uuid?: string;
  },
): string {
  if (!Number.isSafeInteger(d.amountFen) || d.amountFen <= 0)
    throw new RangeError(`a deposit is whole fen > 0, got ${d.amountFen}`);
  const uuid = d.uuid ?? randomUUID();
  db.transaction(() => {
    const { seq } = appendToOutbox(
      db,
      'wallet.deposit',
      {
        uuid,
        elderId: d.elderId,
        account: d.account,
        amountFen: d.amountFen,
        from: d.from,
        at: d.at,
      },
      d.at,
      uuid,
    );
    post(db, { recordUuid: uuid, recordKind: 'deposit', seq, at: d.at }, [
      { account: d.account, elderId: d.elderId, amountFen: d.amountFen },
      { account: d.from, elderId: d.elderId, amountFen: -d.amountFen },
    ]);
  }).immediate();
  return uuid;
}
