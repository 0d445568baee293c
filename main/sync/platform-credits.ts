import type { Credit } from '../../contract/sync-protocol';
import { post, rowsOfRecord, type ElderAccount } from '../ordering/ledger';
import type { Db } from '../store/open-database';
import { appendToOutbox } from '../store/outbox';

const intoAccount: Record<Credit['account'], ElderAccount> = {
  'subsidy-balance': 'elder:subsidy-balance',
  'meal-wallet': 'elder:meal-wallet',
};

/**
 * Posts a platform credit into the ledger, once: the credit's own uuid is the ledger record and the
 * outbox row, so a credit pulled again (a re-sent page, a station restored from a backup that pulls
 * from an older cursor) finds its rows and is skipped. The outbox row `credit.applied` tells the
 * platform which station booked it and when. Call inside the pull's transaction; true when posted.
 */
export function applyCredit(db: Db, credit: Credit, nowIso: string): boolean {
  if (rowsOfRecord(db, credit.id).length > 0) return false;
  const { seq } = appendToOutbox(
    db,
    'credit.applied',
    {
      creditId: credit.id,
      elderId: credit.elderId,
      account: credit.account,
      amountFen: credit.amountFen,
      funder: credit.funder,
      memo: credit.memo,
      issuedAt: credit.issuedAt,
    },
    nowIso,
    credit.id,
  );
  post(db, { recordUuid: credit.id, recordKind: 'deposit', seq, at: nowIso }, [
    { account: intoAccount[credit.account], elderId: credit.elderId, amountFen: credit.amountFen },
    { account: `funder:${credit.funder}`, elderId: credit.elderId, amountFen: -credit.amountFen },
  ]);
  return true;
}
