import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReport, ReportFunder } from '../../contract/calls/staff-calls';
import type { KioskApi } from '../../contract/kiosk-api';
import { BigButton } from '../components/BigButton';
import { CashDrawerTable } from './CashDrawerTable';

const FUNDERS: ReportFunder[] = ['government', 'enterprise', 'charity', 'personal'];
const yuan = (fen: number): string => (fen / 100).toFixed(2);

/**
 * The end-of-day report: totals by funder for meals and services, and the counter's cash drawer;
 * print it or save the CSV.
 */
export function ReportPanel({ api }: { api: KioskApi }) {
  const { t } = useTranslation('staff');
  const [report, setReport] = useState<DayReport | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void api.call('staff.report', {}).then((r) => r.ok && setReport(r.value));
  }, [api]);
  if (!report) return <p>{t('loading')}</p>;

  const print = (): void =>
    void api.call('staff.printReport', { date: report.date }).then((r) => {
      if (!r.ok) setNote(r.error.message);
      else setNote(r.value.printed ? t('report.printed') : t('report.printFailed'));
    });
  const exportCsv = (): void =>
    void api.call('staff.reportCsv', { date: report.date }).then((r) => {
      if (!r.ok) return setNote(r.error.message);
      const url = URL.createObjectURL(new Blob([r.value.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.value.filename;
      a.click();
      URL.revokeObjectURL(url);
      setNote(t('report.exported', { file: r.value.filename }));
    });

  return (
    <section aria-labelledby="staff-report-title" className="staff-panel">
      <h2 id="staff-report-title">{t('report.title', { date: report.date })}</h2>
      <p>
        {t('report.meals', { orders: report.meals.orders, portions: report.meals.portions })} ·{' '}
        {t('report.services', { bookings: report.services.bookings })}
      </p>
      <table className="staff-table" data-testid="staff-report">
        <thead>
          <tr>
            <th scope="col">{t('report.funder')}</th>
            <th scope="col">{t('report.partMeals')}</th>
            <th scope="col">{t('report.partServices')}</th>
            <th scope="col">{t('report.partTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {FUNDERS.map((f) => (
            <tr key={f}>
              <th scope="row">{t(`funder.${f}`)}</th>
              <td>{yuan(report.funders.meals[f])}</td>
              <td>{yuan(report.funders.services[f])}</td>
              <td>{yuan(report.funders.total[f])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('report.sales')}</th>
            <td>{yuan(report.salesFen.meals)}</td>
            <td>{yuan(report.salesFen.services)}</td>
            <td>{yuan(report.salesFen.total)}</td>
          </tr>
        </tbody>
      </table>
      <CashDrawerTable drawer={report.cashDrawer} />
      <div className="staff-actions">
        <BigButton icon="🖨" label={t('report.print')} onClick={print} compact />
        <BigButton
          icon="📄"
          label={t('report.csv')}
          onClick={exportCsv}
          compact
          testId="staff-csv"
        />
      </div>
      {note && <p role="status">{note}</p>}
    </section>
  );
}
