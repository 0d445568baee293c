import type { DayReport, ReportFunder } from '../../contract/calls/staff-calls';
import type { TicketData } from '../../contract/calls/ordering-calls';
import type { Db } from '../store/open-database';
import { cashDrawerOfDay, ON_SHANGHAI_DAY } from './cash-drawer';

const FUNDERS: readonly ReportFunder[] = ['government', 'enterprise', 'charity', 'personal'];

/** Which ledger accounts pay as which funder; everything the elder pays is "personal". */
function funderOf(account: string): ReportFunder | null {
  if (account === 'funder:government') return 'government';
  if (account === 'funder:enterprise') return 'enterprise';
  if (account === 'funder:charity') return 'charity';
  if (account.startsWith('elder:') || account === 'counter:cash-due') return 'personal';
  return null;
}

const zero = (): Record<ReportFunder, number> => ({
  government: 0,
  enterprise: 0,
  charity: 0,
  personal: 0,
});

/**
 * The day's totals, read from the ledger itself (not the order rows), so the report always
 * equals the books: sales postings and their reversals on that day, by funder. Cash taken at the
 * counter later moves money between counter accounts only: it is not a sale again, and is shown
 * on its own as the cash drawer.
 */
export function dayReport(db: Db, date: string, stationId: string): DayReport {
  const rows = db
    .prepare(
      `SELECT record_kind, account, sum(amount_fen) AS fen FROM ledger_entries
       WHERE ${ON_SHANGHAI_DAY('created_at')} AND record_kind IN ('meal-order', 'service-booking')
       GROUP BY record_kind, account`,
    )
    .all(date) as { record_kind: 'meal-order' | 'service-booking'; account: string; fen: number }[];
  const funders = { meals: zero(), services: zero(), total: zero() };
  const salesFen = { meals: 0, services: 0, total: 0 };
  for (const r of rows) {
    const part = r.record_kind === 'meal-order' ? 'meals' : 'services';
    if (r.account === 'sales:canteen' || r.account === 'sales:services') {
      salesFen[part] += r.fen;
      salesFen.total += r.fen;
      continue;
    }
    const funder = funderOf(r.account);
    if (!funder) continue;
    // Payers are debited (negative); the report shows what each paid, as a positive sum.
    funders[part][funder] -= r.fen;
    funders.total[funder] -= r.fen;
  }
  const count = (sql: string): number => (db.prepare(sql).get(date) as { n: number | null }).n ?? 0;
  return {
    date,
    stationId,
    meals: {
      orders: count("SELECT count(*) AS n FROM meal_orders WHERE date = ? AND status = 'placed'"),
      portions: count(
        "SELECT sum(quantity) AS n FROM meal_orders WHERE date = ? AND status = 'placed'",
      ),
      cancelled: count(
        "SELECT count(*) AS n FROM meal_orders WHERE date = ? AND status = 'cancelled'",
      ),
      delivered: count(
        `SELECT count(*) AS n FROM meal_fulfilment f JOIN meal_orders o ON o.uuid = f.order_uuid
         WHERE o.date = ? AND f.state = 'delivered'`,
      ),
    },
    services: {
      bookings: count(
        "SELECT count(*) AS n FROM service_bookings WHERE substr(starts_at, 1, 10) = ? AND status = 'booked'",
      ),
      cancelled: count(
        "SELECT count(*) AS n FROM service_bookings WHERE substr(starts_at, 1, 10) = ? AND status = 'cancelled'",
      ),
    },
    funders,
    salesFen,
    cashDrawer: cashDrawerOfDay(db, date),
  };
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

const DRAWER_LINES = ['meals', 'services', 'topUps', 'refunds'] as const;
const DRAWER_CSV: Record<(typeof DRAWER_LINES)[number], string> = {
  meals: 'meal-cash',
  services: 'service-cash',
  topUps: 'top-ups',
  refunds: 'refunds',
};
const DRAWER_ZH: Record<(typeof DRAWER_LINES)[number], string> = {
  meals: '助餐收现金',
  services: '服务收现金',
  topUps: '餐费充值',
  refunds: '退还现金',
};

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The report as CSV for the district office's spreadsheet: one row per part and funder, amounts
 * in yuan with two decimals and in fen (exact). UTF-8 with a BOM so Excel shows the Chinese.
 */
export function reportCsv(report: DayReport): string {
  const lines: (string | number)[][] = [['date', 'station', 'part', 'funder', 'yuan', 'fen']];
  for (const part of ['meals', 'services', 'total'] as const) {
    for (const funder of FUNDERS) {
      const fen = report.funders[part][funder];
      lines.push([report.date, report.stationId, part, funder, yuan(fen), fen]);
    }
    const sales = report.salesFen[part];
    lines.push([report.date, report.stationId, part, 'sales', yuan(sales), sales]);
  }
  lines.push([report.date, report.stationId, 'meals', 'orders', '', report.meals.orders]);
  lines.push([report.date, report.stationId, 'meals', 'portions', '', report.meals.portions]);
  lines.push([report.date, report.stationId, 'meals', 'cancelled', '', report.meals.cancelled]);
  lines.push([report.date, report.stationId, 'meals', 'delivered', '', report.meals.delivered]);
  lines.push([report.date, report.stationId, 'services', 'bookings', '', report.services.bookings]);
  lines.push([
    report.date,
    report.stationId,
    'services',
    'cancelled',
    '',
    report.services.cancelled,
  ]);
  // The drawer's movements signed as cash in (+) and out (−), so they add up to `expected`.
  const drawer = report.cashDrawer;
  for (const line of DRAWER_LINES) {
    const fen = line === 'refunds' ? -drawer[line].fen : drawer[line].fen;
    lines.push([report.date, report.stationId, 'cash-drawer', DRAWER_CSV[line], yuan(fen), fen]);
    lines.push([
      report.date,
      report.stationId,
      'cash-drawer',
      `${DRAWER_CSV[line]}-count`,
      '',
      drawer[line].count,
    ]);
  }
  lines.push([
    report.date,
    report.stationId,
    'cash-drawer',
    'expected',
    yuan(drawer.expectedFen),
    drawer.expectedFen,
  ]);
  return `\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}

const FUNDER_ZH: Record<ReportFunder, string> = {
  government: '政府',
  enterprise: '企业',
  charity: '慈善',
  personal: '个人',
};

/** The report on the receipt printer, for the station's paper file. */
export function reportTicket(report: DayReport, stationName: string): TicketData {
  const lines = [
    stationName,
    `日期 ${report.date}`,
    `助餐 ${report.meals.orders} 单 ${report.meals.portions} 份（取消 ${report.meals.cancelled}，送餐 ${report.meals.delivered}）`,
    `服务 ${report.services.bookings} 次（取消 ${report.services.cancelled}）`,
  ];
  for (const part of ['meals', 'services', 'total'] as const) {
    lines.push(`${part === 'meals' ? '助餐' : part === 'services' ? '服务' : '合计'}：`);
    for (const f of FUNDERS) lines.push(`  ${FUNDER_ZH[f]} ${yuan(report.funders[part][f])} 元`);
  }
  const drawer = report.cashDrawer;
  lines.push('钱箱（现金）：');
  for (const line of DRAWER_LINES) {
    const sign = line === 'refunds' && drawer[line].fen > 0 ? '-' : '';
    lines.push(`  ${DRAWER_ZH[line]} ${drawer[line].count} 笔 ${sign}${yuan(drawer[line].fen)} 元`);
  }
  lines.push(`  应有现金 ${yuan(drawer.expectedFen)} 元`);
  return { title: '日结报表', lines, footer: [`总额 ${yuan(report.salesFen.total)} 元`] };
}
