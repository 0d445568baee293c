import type { Db } from '../store/open-database';
import { upsertElders } from '../roster/elder-repo';
import { demoElders } from './demo-elders';
import { seedDemoStaff } from '../staff/demo-staff';
import {
  demoDishes,
  demoServices,
  portionsPerSitting,
  sittingCutoff,
  weeklyRotation,
} from './demo-kitchen';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether this database holds the demo station (so the kiosk shows the demo card tray). */
export function isDemoStation(db: Db): boolean {
  return db.prepare("SELECT 1 FROM meta WHERE key = 'demo-station'").get() !== undefined;
}

/**
 * Seeds the demo station once: its elders and cards, a week of lunch and dinner menus from
 * `today`, and the service catalogue. Running it again changes nothing.
 */
export function seedDemoStation(db: Db, today: string): boolean {
  if (isDemoStation(db)) return false;
  db.transaction(() => {
    upsertElders(db, demoElders);
    seedDemoStaff(db);
    const dish = db.prepare(
      'INSERT OR IGNORE INTO dishes (id, name, icon, tags, price_fen) VALUES (?, ?, ?, ?, ?)',
    );
    for (const d of demoDishes) dish.run(d.id, d.name, d.icon, JSON.stringify(d.tags), d.priceFen);
    const item = db.prepare(
      'INSERT OR IGNORE INTO menu_items (date, sitting, dish_id, portions, cutoff) VALUES (?, ?, ?, ?, ?)',
    );
    weeklyRotation.forEach((day, i) => {
      const date = addDays(today, i);
      for (const sitting of ['lunch', 'dinner'] as const) {
        for (const id of day[sitting])
          item.run(
            date,
            sitting,
            id,
            portionsPerSitting,
            `${date}T${sittingCutoff[sitting]}:00+08:00`,
          );
      }
    });
    const service = db.prepare(
      'INSERT OR IGNORE INTO services (id, name, icon, duration_minutes, price_fen, description) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const s of demoServices)
      service.run(s.id, s.name, s.icon, s.durationMinutes, s.priceFen, s.description);
    db.prepare("INSERT INTO meta (key, value) VALUES ('demo-station', ?)").run(today);
  })();
  return true;
}
