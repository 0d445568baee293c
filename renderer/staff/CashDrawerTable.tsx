import { useTranslation } from 'react-i18next';
import type { CashDrawer } from '../../contract/calls/staff-calls';

const LINES = ['meals', 'services', 'topUps', 'refunds'] as const;
const yuan = (fen: number): string => (fen / 100).toFixed(2);

/**
 * The day's cash drawer on the 日结报表 screen: what came in for orders, bookings and top-ups,
 * what was given back, and what the drawer should hold, so staff count the cash against it.
 */
export function CashDrawerTable({ drawer }: { drawer: CashDrawer }) {
  const { t } = useTranslation('staff');
  return (
    <>
      <h3 id="staff-drawer-title">{t('drawer.title')}</h3>
      <table
        className="staff-table staff-drawer"
        aria-labelledby="staff-drawer-title"
        data-testid="staff-cash-drawer"
      >
        <thead>
          <tr>
            <th scope="col">{t('drawer.line')}</th>
            <th scope="col">{t('drawer.count')}</th>
            <th scope="col">{t('drawer.yuan')}</th>
          </tr>
        </thead>
        <tbody>
          {LINES.map((line) => (
            <tr key={line} data-testid={`staff-drawer-${line}`}>
              <th scope="row">{t(`drawer.${line}`)}</th>
              <td>{drawer[line].count}</td>
              <td>
                {line === 'refunds' && drawer.refunds.fen > 0 ? '−' : ''}
                {yuan(drawer[line].fen)}
              </td>
            </tr>
          ))}
          <tr className="staff-drawer__expected" data-testid="staff-drawer-expected">
            <th scope="row">{t('drawer.expected')}</th>
            <td />
            <td>{yuan(drawer.expectedFen)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
