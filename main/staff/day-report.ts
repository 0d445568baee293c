import type { DayReport, ReportFunder } from '../../contract/calls/staff-calls';
import type { TicketData } from '../../contract/calls/ordering-calls';
import type { Db } from '../store/open-database';

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
 * counter later moves money between counter accounts only and is not counted twice.
 */
export function dayReport(db: Db, date: string, stationId: string): DayReport {
  const rows = db
    .prepare(
      `SELECT record_kind, account, sum(amount_fen) AS fen FROM ledger_entries
       WHERE substr(created_at, 1, 10) = ? AND record_kind IN ('meal-order', 'service-booking')
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
  };
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

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
  return { title: '日结报表', lines, footer: [`总额 ${yuan(report.salesFen.total)} 元`] };
}
