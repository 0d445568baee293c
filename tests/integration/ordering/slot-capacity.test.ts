import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../../../main/store/open-database';
import { MORNING, makeStationFile } from './station-file';
import { bundleWorker, startWorker } from './worker-bundle';

let bundle: string;
let removeBundle = (): void => undefined;
beforeAll(async () => {
  ({ file: bundle, remove: removeBundle } = await bundleWorker());
});
afterAll(() => removeBundle());

const station = makeStationFile();
afterAll(() => station.remove());

describe('slot capacity under concurrent bookings from two processes on one file', () => {
  it('never overfills a slot: exactly `capacity` bookings succeed, the rest are refused as full', async () => {
    const db = openStationDatabase(station.file);
    const slots = db
      .prepare(
        "SELECT id, capacity FROM service_slots WHERE service_id IN ('s-bath', 's-clean', 's-haircut') ORDER BY id",
      )
      .all() as { id: string; capacity: number }[];
    db.close();
    const elders = Array.from({ length: 14 }, (_, i) => `nx-${String(i + 1).padStart(4, '0')}`);
    // Each process tries every slot four times with its own elders, B in reverse order.
    const pairs = (offset: number, order: typeof slots): string =>
      order
        .flatMap((s) => [0, 1, 2, 3].map((k) => `${s.id}:${elders[offset + k] ?? 'nx-0001'}`))
        .join(',');
    const startAt = Date.now() + 2000;
    const a = startWorker(bundle, [
      'book',
      station.file,
      MORNING,
      String(startAt),
      pairs(0, slots),
    ]);
    const b = startWorker(bundle, [
      'book',
      station.file,
      MORNING,
      String(startAt),
      pairs(7, [...slots].reverse()),
    ]);
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect(ea.code, a.output()).toBe(0);
    expect(eb.code, b.output()).toBe(0);
    type Outcome = { booked: string[]; full: string[]; startedAt: number; endedAt: number };
    const oa = JSON.parse(a.output().trim()) as Outcome;
    const ob = JSON.parse(b.output().trim()) as Outcome;
    // The two runs overlapped in time. (SQLite's lock is not fair, so one process may win every
    // seat while the other waits in busy_timeout; what matters is that none is sold twice.)
    expect(oa.startedAt).toBeLessThan(ob.endedAt);
    expect(ob.startedAt).toBeLessThan(oa.endedAt);

    const check = openStationDatabase(station.file);
    for (const s of slots) {
      const won = [...oa.booked, ...ob.booked].filter((id) => id === s.id).length;
      const refused = [...oa.full, ...ob.full].filter((id) => id === s.id).length;
      expect(won, s.id).toBe(Math.min(s.capacity, 8));
      expect(won + refused).toBe(8);
      const row = check
        .prepare(
          `SELECT booked, (SELECT count(*) FROM service_bookings WHERE slot_id = ? AND status = 'booked') AS n
           FROM service_slots WHERE id = ?`,
        )
        .get(s.id, s.id) as { booked: number; n: number };
      expect(row).toEqual({ booked: won, n: won });
    }
    check.close();
  });
});
