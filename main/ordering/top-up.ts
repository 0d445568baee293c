import { topUpLimits } from '../../contract/calls/counter-calls';
import type { TicketData } from '../../contract/calls/ordering-calls';
import type { ElderRecord } from '../../contract/elder';
import { shanghaiIso } from '../clock';
import { appendToOutbox } from '../store/outbox';
import type { OrderingContext } from './ordering-context';
import { refuse } from './refusal';
import { topUpReceipt } from './tickets';
import { deposit, depositRecord, type DepositRecord } from './wallet';

/** Refuses an amount the counter may not take, saying the limits in fen and in 元. */
export function checkTopUpAmount(amountFen: number): void {
  if (
    !Number.isSafeInteger(amountFen) ||
    amountFen < topUpLimits.minFen ||
    amountFen > topUpLimits.maxFen
  )
    refuse(
      'bad-amount',
      `a top-up is whole fen from ${topUpLimits.minFen} (1 元) to ${topUpLimits.maxFen} (1000 元), got ${amountFen}`,
    );
}

/**
 * Staff took cash at the counter and credit it to the elder's meal wallet: the wallet is
 * credited and the cash drawer debited (ledger), with a `wallet.deposit` outbox row naming the
 * staff member and the elder, in one IMMEDIATE transaction. The same uuid again returns the
 * top-up already made; the same uuid with another elder or amount is refused.
 */
export function topUpMealWallet(
  ctx: Pick<OrderingContext, 'db' | 'now'>,
  elder: ElderRecord,
  req: { uuid: string; amountFen: number },
  staffId: string,
): DepositRecord {
  checkTopUpAmount(req.amountFen);
  const earlier = depositRecord(ctx.db, req.uuid);
  if (earlier && (earlier.elderId !== elder.id || earlier.amountFen !== req.amountFen))
    refuse('not-yours', `top-up ${req.uuid} was made for another elder or amount`);
  return deposit(ctx.db, {
    uuid: req.uuid,
    elderId: elder.id,
    account: 'elder:meal-wallet',
    amountFen: req.amountFen,
    from: 'counter:cash-drawer',
    staffId,
    at: shanghaiIso(ctx.now()),
  });
}

/** A top-up's receipt, printed again: the reprint is recorded in the outbox first. */
export function topUpForReprint(
  ctx: Pick<OrderingContext, 'db' | 'now' | 'stationName'>,
  uuid: string,
  names: { elder: (id: string) => string | null; staff: (id: string) => string | null },
  staffId: string,
): TicketData {
  const { db } = ctx;
  return db
    .transaction((): TicketData => {
      const found = depositRecord(db, uuid);
      if (!found || found.staffId === null) refuse('not-found', `no counter top-up ${uuid}`);
      const at = shanghaiIso(ctx.now());
      appendToOutbox(
        db,
        'ticket.reprint',
        { recordUuid: uuid, record: 'deposit', elderId: found.elderId, staffId, at },
        at,
      );
      return receiptOf(ctx.stationName, found, names, true);
    })
    .immediate();
}

export function receiptOf(
  stationName: string,
  rec: DepositRecord,
  names: { elder: (id: string) => string | null; staff: (id: string) => string | null },
  reprint = false,
): TicketData {
  return topUpReceipt(
    stationName,
    {
      uuid: rec.uuid,
      elderName: names.elder(rec.elderId) ?? rec.elderId,
      staffName: (rec.staffId !== null ? names.staff(rec.staffId) : null) ?? rec.staffId ?? '',
      amountFen: rec.amountFen,
      balanceAfterFen: rec.balanceAfterFen,
      at: rec.at,
    },
    reprint,
  );
}
