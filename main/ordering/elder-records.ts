import type { PaymentMethod } from '../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../contract/elder';
import { shanghaiIso } from '../clock';
import { appendToOutbox } from '../store/outbox';
import { balance, personalAccount, plannedReversal, postReversal, reversalLines } from './ledger';
import type { OrderingContext } from './ordering-context';
import { refuse } from './refusal';

/**
 * What meal orders and service bookings have in common: each is an elder's own record, made once
 * per client-made uuid and cancelled by reversing its ledger rows, always in one transaction with
 * its outbox row. The record's own table and columns stay with its module.
 */
export type RecordNoun = 'order' | 'booking';

interface ElderOwned {
  elder_id: string;
}

/** The record, when it exists and is this elder's; refused otherwise. */
export function ownRecord<Row extends ElderOwned>(
  row: Row | undefined,
  elder: ElderRecord,
  noun: RecordNoun,
  uuid: string,
): Row {
  if (!row) refuse('not-found', `no ${noun} ${uuid}`);
  if (row.elder_id !== elder.id) refuse('not-yours', `${noun} ${uuid} is another elder's`);
  return row;
}

/** A record read back inside the transaction that wrote it: not finding it is a bug. */
export function readBack<Row>(row: Row | undefined, noun: RecordNoun): Row {
  if (!row) throw new Error(`the ${noun} vanished inside its own transaction`);
  return row;
}

/** Refuses when the account the elder chose holds less than their part (cash is paid later). */
export function requireBalance(
  ctx: Pick<OrderingContext, 'db'>,
  elderId: string,
  payment: PaymentMethod | 'none',
  personalFen: number,
  noun: RecordNoun,
): void {
  if (payment === 'none' || payment === 'cash' || personalFen <= 0) return;
  const has = balance(ctx.db, personalAccount[payment], elderId);
  if (has < personalFen)
    refuse('insufficient-balance', `${payment} holds ${has} fen, the ${noun} needs ${personalFen}`);
}

/**
 * Makes a record once per uuid, in one IMMEDIATE transaction (the write lock is taken first, so
 * what `write` decides on cannot change before commit). The same uuid a second time returns the
 * record already made: a renderer retrying after a lost reply gets one meal or one seat.
 */
export function createOnce<Row extends ElderOwned>(
  ctx: Pick<OrderingContext, 'db'>,
  elder: ElderRecord,
  uuid: string,
  record: { noun: RecordNoun; read: (uuid: string) => Row | undefined; write: () => void },
): Row {
  return ctx.db
    .transaction((): Row => {
      const existing = record.read(uuid);
      if (existing) return ownRecord(existing, elder, record.noun, uuid);
      record.write();
      return readBack(record.read(uuid), record.noun);
    })
    .immediate();
}

export interface Cancellation<Row> {
  noun: RecordNoun;
  read: (uuid: string) => Row | undefined;
  /** the outbox type and the payload key that names the record */
  outbox:
    { type: 'meal.cancel'; key: 'orderUuid' } | { type: 'service.cancel'; key: 'bookingUuid' };
  /** why the record can no longer be cancelled, or null while it can */
  tooLate: (row: Row) => string | null;
  /** the record's own changes (status, refund state, a freed seat), after the ledger reversal */
  markCancelled: (uuid: string, seq: number, at: string) => void;
}

/**
 * Cancels an elder's record: the outbox row, the reversal of every ledger row and the record's
 * own changes commit together. A record already cancelled is returned as it is.
 */
export function cancelRecord<Row extends ElderOwned & { status: string }>(
  ctx: Pick<OrderingContext, 'db' | 'now' | 'actor'>,
  elder: ElderRecord,
  uuid: string,
  how: Cancellation<Row>,
): Row {
  const { db } = ctx;
  return db
    .transaction((): Row => {
      const found = ownRecord(how.read(uuid), elder, how.noun, uuid);
      if (found.status === 'cancelled') return found;
      const tooLate = how.tooLate(found);
      if (tooLate !== null) refuse('not-cancellable', tooLate);
      const at = shanghaiIso(ctx.now());
      // The reversal travels in the outbox row like a sale's lines do in meal.order.
      const reversal = plannedReversal(db, uuid);
      const { seq } = appendToOutbox(
        db,
        how.outbox.type,
        {
          [how.outbox.key]: uuid,
          elderId: elder.id,
          staffId: ctx.actor?.() ?? null,
          ledger: reversalLines(reversal),
          at,
        },
        at,
      );
      postReversal(db, uuid, reversal, seq, at);
      how.markCancelled(uuid, seq, at);
      return readBack(how.read(uuid), how.noun);
    })
    .immediate();
}

/** What a reprint names in its outbox row: the kind of record whose ticket was printed again. */
export type ReprintedRecord = 'meal-order' | 'service-booking' | 'deposit';

/**
 * Readies a reprint: the record must be the elder's and still stand. A cancelled record was
 * refunded, so its ticket is void and printing it again would hand out a valid-looking ticket for
 * nothing. The reprint is recorded (who asked, for which record, when) in the outbox before the
 * printer is touched, in one transaction with the check, so a reprint is never unrecorded.
 */
export function recordReprint<Row extends ElderOwned & { status: string }>(
  ctx: Pick<OrderingContext, 'db' | 'now' | 'actor'>,
  elder: ElderRecord,
  uuid: string,
  how: { noun: RecordNoun; record: ReprintedRecord; read: (uuid: string) => Row | undefined },
): Row {
  const { db } = ctx;
  return db
    .transaction((): Row => {
      const found = ownRecord(how.read(uuid), elder, how.noun, uuid);
      if (found.status === 'cancelled')
        refuse(
          'record-cancelled',
          `${how.noun} ${uuid} was cancelled and refunded; its ticket is void and is not printed again`,
        );
      const at = shanghaiIso(ctx.now());
      appendToOutbox(
        db,
        'ticket.reprint',
        {
          recordUuid: uuid,
          record: how.record,
          elderId: elder.id,
          staffId: ctx.actor?.() ?? null,
          at,
        },
        at,
      );
      return found;
    })
    .immediate();
}
