import { randomUUID } from 'node:crypto';
import { prepared } from './prepared';
import type { Db } from '../store/open-database';
import { appendToOutbox } from '../store/outbox';
import { balance, post, type Account, type ElderAccount } from './ledger';

export interface Deposit {
  elderId: string;
  account: Exclude<ElderAccount, 'counter:cash-due'>;
  amountFen: number;
  from: Extract<Account, 'counter:cash-drawer' | `funder:${string}`>;
  at: string;
  uuid?: string;
  /** the staff member who took the money at the counter; null or absent for the demo seed */
  staffId?: string | null;
}

/** A deposit as its outbox row keeps it: enough to print its receipt again. */
export interface DepositRecord {
  uuid: string;
  seq: number;
  elderId: string;
  account: Deposit['account'];
  amountFen: number;
  from: Deposit['from'];
  staffId: string | null;
  /** the account's balance right after this deposit committed */
  balanceAfterFen: number;
  at: string;
}

/** The deposit with this uuid, read back from its outbox row; undefined when there is none. */
export function depositRecord(db: Db, uuid: string): DepositRecord | undefined {
  const row = prepared(
    db,
    "SELECT seq, payload FROM outbox WHERE uuid = ? AND type = 'wallet.deposit'",
  ).get(uuid) as { seq: number; payload: string } | undefined;
  if (!row) return undefined;
  const p = JSON.parse(row.payload) as Omit<DepositRecord, 'seq' | 'staffId'> & {
    staffId?: string | null;
    balanceAfterFen?: number;
  };
  return {
    uuid: p.uuid,
    seq: row.seq,
    elderId: p.elderId,
    account: p.account,
    amountFen: p.amountFen,
    from: p.from,
    staffId: p.staffId ?? null,
    balanceAfterFen: p.balanceAfterFen ?? p.amountFen,
    at: p.at,
  };
}

/**
 * Money into an elder's account (cash taken at the counter, a monthly subsidy credit): one
 * balanced posting and its outbox row in one IMMEDIATE transaction, like every other movement of
 * money. The same uuid a second time returns the deposit already made and credits nothing, so a
 * retried call never pays in twice.
 */
export function deposit(db: Db, d: Deposit): DepositRecord {
  if (!Number.isSafeInteger(d.amountFen) || d.amountFen <= 0)
    throw new RangeError(`a deposit is whole fen > 0, got ${d.amountFen}`);
  const uuid = d.uuid ?? randomUUID();
  return db
    .transaction((): DepositRecord => {
      const existing = depositRecord(db, uuid);
      if (existing) {
        if (existing.elderId !== d.elderId || existing.amountFen !== d.amountFen)
          throw new RangeError(`deposit ${uuid} was already made with other details`);
        return existing;
      }
      const balanceAfterFen = balance(db, d.account, d.elderId) + d.amountFen;
      const payload = {
        uuid,
        elderId: d.elderId,
        account: d.account,
        amountFen: d.amountFen,
        from: d.from,
        staffId: d.staffId ?? null,
        balanceAfterFen,
        at: d.at,
      };
      const { seq } = appendToOutbox(db, 'wallet.deposit', payload, d.at, uuid);
      post(db, { recordUuid: uuid, recordKind: 'deposit', seq, at: d.at }, [
        { account: d.account, elderId: d.elderId, amountFen: d.amountFen },
        { account: d.from, elderId: d.elderId, amountFen: -d.amountFen },
      ]);
      return { ...payload, seq };
    })
    .immediate();
}
