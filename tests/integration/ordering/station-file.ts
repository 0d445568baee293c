import { join } from 'node:path';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { ensureDemoOrdering } from '../../../main/ordering/ordering-demo';
import { deposit } from '../../../main/ordering/wallet';
import { openStationDatabase } from '../../../main/store/open-database';
import { makeTempDir } from '../../support/temp-dir';

export const TODAY = '2026-11-23';
/** Before both cut-offs of TODAY: every order and cancellation is allowed. */
export const MORNING = `${TODAY}T08:30:00.000+08:00`;

/** A demo station file whose menus never sell out and whose elders can always pay. */
export function makeStationFile(): { file: string; remove: () => void } {
  const { dir, remove } = makeTempDir('yiyang-ordering-');
  const file = join(dir, 'station.sqlite');
  const db = openStationDatabase(file);
  seedDemoStation(db, TODAY);
  ensureDemoOrdering(db, TODAY, new Date(MORNING));
  db.prepare('UPDATE menu_items SET portions = 1000000').run();
  for (const { id } of db.prepare('SELECT id FROM elders').all() as { id: string }[])
    deposit(db, {
      elderId: id,
      account: 'elder:meal-wallet',
      amountFen: 100_000_000,
      from: 'counter:cash-drawer',
      at: MORNING,
    });
  db.close();
  return { file, remove };
}
