import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { shanghaiIso } from '../../../main/clock';
import { reportCardLost } from '../../../main/staff/elder-cards';
import { openStationFile } from '../../support/station-db';

/**
 * Things that happen to a running station while an elder stands at it, done to its real database
 * file (opened with the station's key, beside the running kiosk, as a second kiosk or the counter
 * would): a card reported lost, a sitting's cut-off passing, the last portions going, the
 * database busy. They bring out the refusal screens the elder-screen audit must measure.
 */
export function stationEvents(dataDir: string) {
  const db = openStationFile(join(dataDir, 'station.db'));
  db.pragma('busy_timeout = 5000'); // the kiosk may be writing just then
  const at = (): string => shanghaiIso(new Date());
  return {
    /** The counter reported this card lost (staff.reportLost does the same). */
    cardLost(uid: string, elderId: string): void {
      reportCardLost(db, uid, { staffId: 'staff-01', elderId, at: at() });
    },
    /**
     * The cut-off of the next sitting still open passes now: the one the menu offers first, so
     * the dish on the elder's confirmation screen is in it.
     */
    cutOffPasses(): void {
      const next = db
        .prepare(
          `SELECT date, sitting FROM menu_items WHERE cutoff > ? ORDER BY cutoff, date LIMIT 1`,
        )
        .get(at()) as { date: string; sitting: string } | undefined;
      if (!next) throw new Error('no sitting is open on this station');
      db.prepare('UPDATE menu_items SET cutoff = ? WHERE date = ? AND sitting = ?').run(
        shanghaiIso(new Date(Date.now() - 60_000)),
        next.date,
        next.sitting,
      );
    },
    /** Every dish on every menu has sold its last portion (other kiosks, the counter). */
    everythingSellsOut(): void {
      db.prepare(
        `UPDATE menu_items SET portions = (SELECT coalesce(sum(o.quantity), 0) FROM meal_orders o
           WHERE o.date = menu_items.date AND o.sitting = menu_items.sitting
             AND o.dish_id = menu_items.dish_id AND o.status = 'placed')`,
      ).run();
    },
    /**
     * Another process holds the database's write lock: the kiosk's next write waits its busy
     * timeout (5 s) and fails. Returns the release.
     */
    holdWriteLock(): () => void {
      db.exec('BEGIN IMMEDIATE');
      return () => db.exec('ROLLBACK');
    },
    close(): void {
      db.close();
    },
  };
}

/**
 * The page's connection to the kiosk core drops just as it sends a given call (the browser host
 * restarting, Chromium's network service crashing): that call is answered `unavailable` by the
 * page's KioskApi client, which then reconnects. Playwright sits between page and host; every
 * other frame passes through unchanged (and the privacy scan still sees them all).
 */
export async function droppableSocket(page: Page): Promise<{ dropOn: (call: string) => void }> {
  let dropCall: string | null = null;
  await page.routeWebSocket(/\/api(\?|$)/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = String(message);
      if (dropCall && text.includes(`"call":"${dropCall}"`)) {
        dropCall = null;
        void ws.close();
        void server.close();
        return;
      }
      server.send(message);
    });
  });
  return { dropOn: (call) => void (dropCall = call) };
}
