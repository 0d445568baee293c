import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketData } from '../../../contract/calls/ordering-calls';
import { ApiRefusal } from '../../../main/api/dispatch';
import { balance, rowsOfRecord } from '../../../main/ordering/ledger';
import { topUpMealWallet } from '../../../main/ordering/top-up';
import { elder } from './ordering-fixture';
import { counterStation, STAFF, type CounterStation } from './counter-fixture';

let s: CounterStation;
afterEach(() => s.close());

const WALLET = 10_000; // the demo opening balance

describe('staff top-up of a meal wallet at the counter', () => {
  it('credits the wallet from the cash drawer with one outbox row naming staff and elder, then prints a receipt after commit', async () => {
    const seen: { inTransaction: boolean; ledgerRows: number; ticket: TicketData }[] = [];
    s = counterStation(async (ticket) => {
      const uuid = ticket.footer?.at(-1) ?? '';
      seen.push({
        inTransaction: s.db.inTransaction,
        ledgerRows: rowsOfRecord(s.db, uuid).length,
        ticket,
      });
    });
    await s.counter('nx-0001');
    const uuid = randomUUID();
    const done = await s.call('staff.topUp', { uuid, elderId: 'nx-0001', amountFen: 5_050 });
    expect(done).toMatchObject({
      uuid,
      elderId: 'nx-0001',
      elderName: '张桂英',
      amountFen: 5_050,
      balanceAfterFen: WALLET + 5_050,
      printState: 'printed',
    });
    expect(balance(s.db, 'elder:meal-wallet', 'nx-0001')).toBe(WALLET + 5_050);
    expect(await s.call('meals.balances', {})).toEqual({
      mealWalletFen: WALLET + 5_050,
      subsidyBalanceFen: 0,
    });
    const rows = rowsOfRecord(s.db, uuid);
    expect(rows.map((r) => [r.account, r.elderId, r.amountFen])).toEqual([
      ['elder:meal-wallet', 'nx-0001', 5_050],
      ['counter:cash-drawer', 'nx-0001', -5_050],
    ]);
    const outbox = s.db
      .prepare('SELECT type, seq, payload FROM outbox WHERE uuid = ?')
      .get(uuid) as {
      type: string;
      seq: number;
      payload: string;
    };
    expect(outbox.type).toBe('wallet.deposit');
    expect(rows.every((r) => r.seq === outbox.seq)).toBe(true);
    expect(JSON.parse(outbox.payload)).toMatchObject({
      elderId: 'nx-0001',
      staffId: STAFF.id,
      account: 'elder:meal-wallet',
      amountFen: 5_050,
      from: 'counter:cash-drawer',
    });
    // The receipt: printed once, after the commit, with the money and who took it.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.inTransaction).toBe(false);
    expect(seen[0]?.ledgerRows).toBe(2);
    expect(seen[0]?.ticket.lines).toEqual(
      expect.arrayContaining(['张桂英', '充值金额 ¥50.50', '充值后余额 ¥150.50', '经办：王晓红']),
    );
  });

  it('the same uuid again credits nothing; a failed receipt leaves the money credited and can be reprinted', async () => {
    let paper = false;
    const printed: TicketData[] = [];
    s = counterStation(async (t) => {
      if (!paper) throw new Error('paper out');
      printed.push(t);
    });
    await s.counter('nx-0001');
    const uuid = randomUUID();
    const first = await s.call('staff.topUp', { uuid, elderId: 'nx-0001', amountFen: 2_000 });
    expect(first.printState).toBe('failed');
    const again = await s.call('staff.topUp', { uuid, elderId: 'nx-0001', amountFen: 2_000 });
    expect(again.balanceAfterFen).toBe(WALLET + 2_000);
    expect(balance(s.db, 'elder:meal-wallet', 'nx-0001')).toBe(WALLET + 2_000);
    expect(await s.refused('staff.topUp', { uuid, elderId: 'nx-0001', amountFen: 3_000 })).toMatch(
      /^refused not-yours: top-up .* another elder or amount/,
    );
    paper = true;
    expect(await s.call('staff.reprint', { kind: 'top-up', uuid })).toMatchObject({
      printState: 'printed',
    });
    expect(printed[0]?.footer).toContain('（补打）');
    expect(printed[0]?.lines).toContain('充值后余额 ¥120.00');
  });

  it('refuses amounts outside 1–1000 元, fractions of a fen, and any elder but the one assisted', async () => {
    s = counterStation(async () => undefined);
    const topUp = (amountFen: number, elderId = 'nx-0001') =>
      s.refused('staff.topUp', { uuid: randomUUID(), elderId, amountFen });
    expect(await topUp(500)).toMatch(/no-staff-session/);
    await s.counter('nx-0001');
    expect(await topUp(99)).toMatch(
      /^bad-request .*amountFen: a top-up is at least 100 fen \(1 元\)/,
    );
    expect(await topUp(100_001)).toMatch(/amountFen: a top-up is at most 100000 fen \(1000 元\)/);
    expect(await topUp(1_000.5)).toMatch(/amountFen: a top-up is whole fen/);
    expect(await topUp(1_000, 'nx-0002')).toMatch(/^refused not-assisting:/);
    // The core checks the amount too, whoever calls it.
    const direct = (amountFen: number) => () =>
      topUpMealWallet(s, elder('nx-0001'), { uuid: randomUUID(), amountFen }, STAFF.id);
    expect(direct(0)).toThrow(ApiRefusal);
    expect(direct(Number.NaN)).toThrow(/^bad-amount: a top-up is whole fen from 100/);
    expect(direct(100_001)).toThrow(/^bad-amount:/);
    expect(balance(s.db, 'elder:meal-wallet', 'nx-0001')).toBe(WALLET);
    expect(balance(s.db, 'elder:meal-wallet', 'nx-0002')).toBe(WALLET);
    expect(
      (
        s.db
          .prepare(
            "SELECT count(*) AS n FROM outbox WHERE type = 'wallet.deposit' AND json_extract(payload, '$.staffId') IS NOT NULL",
          )
          .get() as { n: number }
      ).n,
    ).toBe(0);
  });
});
