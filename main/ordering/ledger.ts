import { prepared } from './prepared';
import { randomUUID } from 'node:crypto';
import type { FunderSplit, PaymentMethod } from '../../contract/calls/ordering-calls';
import type { Db } from '../store/open-database';

/**
 * The subsidy ledger: double entry in integer fen. Each posting's rows sum to zero; a row credits
 * `amountFen` to an account; a balance is the sum of an account's rows. Rows are never changed
 * (triggers refuse UPDATE and DELETE): a refund appends reversal rows that point at what they undo.
 */
export type RecordKind = 'meal-order' | 'service-booking' | 'deposit' | 'cash-confirmation';

export type ElderAccount = 'elder:meal-wallet' | 'elder:subsidy-balance' | 'counter:cash-due';
export type Account =
  | ElderAccount
  | 'sales:canteen'
  | 'sales:services'
  | 'funder:government'
  | 'funder:enterprise'
  | 'funder:charity'
  | 'counter:cash-drawer';

export interface LedgerLine {
  account: Account;
  elderId: string | null;
  amountFen: number;
}

export interface LedgerRow extends LedgerLine {
  id: string;
  recordUuid: string;
  recordKind: RecordKind;
  reverses: string | null;
  seq: number;
  createdAt: string;
}

/** Where the elder's own part is taken from, by payment method. */
export const personalAccount: Record<PaymentMethod, ElderAccount> = {
  'meal-wallet': 'elder:meal-wallet',
  'subsidy-balance': 'elder:subsidy-balance',
  cash: 'counter:cash-due',
};

/** The rows of a sale: the seller is credited the full price, each payer debited its part. */
export function saleLines(
  split: FunderSplit,
  sales: 'sales:canteen' | 'sales:services',
  elderId: string,
  payment: PaymentMethod | 'none',
): LedgerLine[] {
  const lines: LedgerLine[] = [
    { account: sales, elderId, amountFen: split.fullFen },
    { account: 'funder:government', elderId, amountFen: -split.government },
    { account: 'funder:enterprise', elderId, amountFen: -split.enterprise },
    { account: 'funder:charity', elderId, amountFen: -split.charity },
  ];
  if (split.personal > 0) {
    if (payment === 'none') throw new Error('a personal part needs a payment method');
    lines.push({ account: personalAccount[payment], elderId, amountFen: -split.personal });
  }
  // Zero rows say nothing and would only make the ledger longer.
  return lines.filter((l) => l.amountFen !== 0);
}

/** Writes one ledger row as it is; the callers decide what it says and check the sums. */
function insertRow(db: Db, row: LedgerRow): LedgerRow {
  prepared(
    db,
    `INSERT INTO ledger_entries (id, record_uuid, record_kind, account, elder_id, amount_fen, reverses, seq, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.id,
    row.recordUuid,
    row.recordKind,
    row.account,
    row.elderId,
    row.amountFen,
    row.reverses,
    row.seq,
    row.createdAt,
  );
  return row;
}

/** Appends one balanced posting. Call inside the transaction that writes its record. */
export function post(
  db: Db,
  posting: { recordUuid: string; recordKind: RecordKind; seq: number; at: string },
  lines: readonly LedgerLine[],
): LedgerRow[] {
  if (!db.inTransaction) throw new Error('ledger postings must run inside a transaction');
  const sum = lines.reduce((s, l) => s + l.amountFen, 0);
  if (sum !== 0) throw new Error(`a ledger posting must sum to zero, this one sums to ${sum}`);
  return lines.map((l) => {
    if (!Number.isSafeInteger(l.amountFen)) throw new Error('ledger amounts are whole fen');
    const row: LedgerRow = {
      ...l,
      id: randomUUID(),
      recordUuid: posting.recordUuid,
      recordKind: posting.recordKind,
      reverses: null,
      seq: posting.seq,
      createdAt: posting.at,
    };
    return insertRow(db, row);
  });
}

interface RawRow {
  id: string;
  record_uuid: string;
  record_kind: RecordKind;
  account: Account;
  elder_id: string | null;
  amount_fen: number;
  reverses: string | null;
  seq: number;
  created_at: string;
}

const fromRaw = (r: RawRow): LedgerRow => ({
  id: r.id,
  recordUuid: r.record_uuid,
  recordKind: r.record_kind,
  account: r.account,
  elderId: r.elder_id,
  amountFen: r.amount_fen,
  reverses: r.reverses,
  seq: r.seq,
  createdAt: r.created_at,
});

export function rowsOfRecord(db: Db, recordUuid: string): LedgerRow[] {
  return (
    prepared(db, 'SELECT * FROM ledger_entries WHERE record_uuid = ? ORDER BY rowid').all(
      recordUuid,
    ) as RawRow[]
  ).map(fromRaw);
}

/** One reversal row still to be written: the line that undoes the row `reverses`. */
export interface PlannedReversal extends LedgerLine {
  reverses: string;
}

/**
 * The lines that undo every row of a record that is not yet undone (the record's own rows and any
 * later ones, such as a cash confirmation); they sum to zero too. Read them before appending the
 * cancellation's outbox row, so the row can carry them, then write them with `postReversal`.
 */
export function plannedReversal(db: Db, recordUuid: string): PlannedReversal[] {
  const open = prepared(
    db,
    `SELECT e.* FROM ledger_entries e
       WHERE e.record_uuid = ? AND e.reverses IS NULL
         AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses = e.id)
       ORDER BY e.rowid`,
  ).all(recordUuid) as RawRow[];
  return open.map((raw) => ({
    account: raw.account,
    elderId: raw.elder_id,
    amountFen: -raw.amount_fen,
    reverses: raw.id,
  }));
}

/** Writes planned reversal rows under the record they undo, with the cancellation's seq. */
export function postReversal(
  db: Db,
  recordUuid: string,
  reversal: readonly PlannedReversal[],
  seq: number,
  at: string,
): LedgerRow[] {
  if (!db.inTransaction) throw new Error('ledger reversals must run inside a transaction');
  const kinds = new Map(rowsOfRecord(db, recordUuid).map((r) => [r.id, r.recordKind]));
  return reversal.map((planned) => {
    const recordKind = kinds.get(planned.reverses);
    if (!recordKind) throw new Error(`row ${planned.reverses} is not a row of ${recordUuid}`);
    return insertRow(db, {
      ...planned,
      id: randomUUID(),
      recordUuid,
      recordKind,
      seq,
      createdAt: at,
    });
  });
}

/** The plain lines of a reversal, as outbox payloads carry ledger lines (like a sale's). */
export const reversalLines = (reversal: readonly PlannedReversal[]): LedgerLine[] =>
  reversal.map(({ account, elderId, amountFen }) => ({ account, elderId, amountFen }));

/** An account's balance: the sum of its rows, for one elder when `elderId` is given. */
export function balance(db: Db, account: Account, elderId?: string): number {
  const row = (
    elderId === undefined
      ? prepared(
          db,
          'SELECT coalesce(sum(amount_fen), 0) AS total FROM ledger_entries WHERE account = ?',
        ).get(account)
      : prepared(
          db,
          'SELECT coalesce(sum(amount_fen), 0) AS total FROM ledger_entries WHERE account = ? AND elder_id = ?',
        ).get(account, elderId)
  ) as { total: number };
  return row.total;
}
