import type { CashDrawer, CashDrawerLine } from '../../contract/calls/staff-calls';
import type { Db } from '../store/open-database';

/**
 * SQL: the row's instant falls on the Asia/Shanghai day `?` (YYYY-MM-DD). SQLite reads the stored
 * offset, so a time written with another offset still lands on the right station day.
 */
export const ON_SHANGHAI_DAY = (column: string): string => `date(${column}, '+8 hours') = ?`;

type Line = 'meals' | 'services' | 'topUps' | 'refunds';

/**
 * Each `counter:cash-drawer` row of the day is one cash movement, sorted by what wrote it:
 * - a reversal row (a cancelled record that had been paid in cash) is cash given back;
 * - a `cash-confirmation` row is cash taken for a service booking or, otherwise, a meal order;
 * - a `deposit` row is a meal-wallet top-up, counted only when a staff member took it
 *   (staff.topUp names them in its `wallet.deposit` row): the demo station's opening balances
 *   are deposits from the drawer with no staff member, and no cash came in for them.
 * The drawer side of a movement is negative when cash comes in (the ledger debits the drawer).
 */
const DRAWER_ROWS = `
  SELECT
    CASE
      WHEN e.reverses IS NOT NULL THEN 'refunds'
      WHEN e.record_kind = 'deposit' THEN 'topUps'
      WHEN EXISTS (SELECT 1 FROM service_bookings b WHERE b.uuid = e.record_uuid) THEN 'services'
      ELSE 'meals'
    END AS line,
    count(*) AS n,
    sum(e.amount_fen) AS fen
  FROM ledger_entries e
  WHERE e.account = 'counter:cash-drawer'
    AND ${ON_SHANGHAI_DAY('e.created_at')}
    AND (
      e.record_kind <> 'deposit'
      OR EXISTS (
        SELECT 1 FROM outbox o
        WHERE o.uuid = e.record_uuid AND o.type = 'wallet.deposit'
          AND json_extract(o.payload, '$.staffId') IS NOT NULL
      )
    )
  GROUP BY line`;

/** The counter's cash for one station day, read from the ledger so it agrees with the books. */
export function cashDrawerOfDay(db: Db, date: string): CashDrawer {
  const lines: Record<Line, CashDrawerLine> = {
    meals: { count: 0, fen: 0 },
    services: { count: 0, fen: 0 },
    topUps: { count: 0, fen: 0 },
    refunds: { count: 0, fen: 0 },
  };
  let drawerFen = 0;
  for (const r of db.prepare(DRAWER_ROWS).all(date) as { line: Line; n: number; fen: number }[]) {
    // Cash in is a debit of the drawer, cash given back a credit: each line shows its size, so
    // expectedFen = meals + services + topUps − refunds holds exactly.
    lines[r.line] = { count: r.n, fen: r.line === 'refunds' ? r.fen : -r.fen };
    drawerFen -= r.fen;
  }
  return { ...lines, expectedFen: drawerFen };
}
