import { z } from 'zod';
import { defineCall } from '../define';
import type { PrintState } from './ordering-calls';

/**
 * What staff do about money and tickets at the counter (issue 5, on the staff console of issue 8):
 * reprint any record's ticket, and take cash to top up an elder's meal wallet. Both need a
 * signed-in staff session and are recorded with the staff id and the elder id.
 */

/** One top-up at the counter, in fen: at least 1 元, at most 1000 元 (a day's cash drawer). */
export const topUpLimits = { minFen: 100, maxFen: 100_000 } as const;

/** Whose ticket to print again: a meal order, a service booking or a top-up's receipt. */
export type ReprintKind = 'order' | 'booking' | 'top-up';

export interface ReprintResult {
  kind: ReprintKind;
  uuid: string;
  printState: PrintState;
}

export interface TopUpView {
  uuid: string;
  elderId: string;
  elderName: string;
  amountFen: number;
  /** the meal wallet right after this top-up committed */
  balanceAfterFen: number;
  /** the receipt, printed after the commit: 'failed' leaves the money credited */
  printState: PrintState;
  at: string;
}

/** A live record whose ticket did not print (any day from today on): the 补打 list. */
export interface UnprintedItem {
  kind: 'order' | 'booking';
  uuid: string;
  /** 午001 or 预0001 */
  number: string;
  elderName: string;
  /** the dish or the service */
  what: string;
  /** the meal's date or the slot's start (ISO with offset) */
  when: string;
}

/** A record still owing cash at the counter (any day): the 收现金 list. */
export interface CashDueItem extends UnprintedItem {
  cashDueFen: number;
}

const uuid = z.uuid();

export const counterCalls = {
  /** prints a record's ticket again, marked 补打; refused for a cancelled (refunded) record */
  'staff.reprint': defineCall<ReprintResult>()(
    z.object({ kind: z.enum(['order', 'booking', 'top-up']), uuid }).strict(),
  ),
  /**
   * staff took `amountFen` in cash from the elder being assisted and credit it to their meal
   * wallet; the same uuid again returns the same top-up and credits nothing
   */
  'staff.topUp': defineCall<TopUpView>()(
    z
      .object({
        uuid,
        elderId: z.string().min(1).max(64),
        amountFen: z
          .number()
          .int('a top-up is whole fen')
          .min(topUpLimits.minFen, `a top-up is at least ${topUpLimits.minFen} fen (1 元)`)
          .max(topUpLimits.maxFen, `a top-up is at most ${topUpLimits.maxFen} fen (1000 元)`),
      })
      .strict(),
  ),
};
