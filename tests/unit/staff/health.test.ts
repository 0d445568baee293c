import { afterEach, describe, expect, it } from 'vitest';
import { staffStation, type StaffStation } from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

function rejectOne(): string {
  const row = station.db.prepare('SELECT uuid FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
    uuid: string;
  };
  station.db
    .prepare("UPDATE outbox SET state = 'rejected', last_error = ? WHERE uuid = ?")
    .run('422 unknown elder', row.uuid);
  return row.uuid;
}

describe('health: devices, sync, dead letters, paper-out', () => {
  it('shows dead letters with the platform’s reason; retry requeues, resolve hides', async () => {
    station = staffStation();
    await station.signIn();
    await station.call('staff.bindCard', { elderId: 'nx-0001', uid: 'C0FFEE0002' });
    const uuid = rejectOne();
    let health = await station.call('staff.health', {});
    expect(health.deadLetters).toEqual([
      expect.objectContaining({ uuid, type: 'card.bind', reason: '422 unknown elder' }),
    ]);
    expect(health.sync.rejected).toBe(1);

    health = await station.call('staff.retryDeadLetter', { uuid });
    expect(health.deadLetters).toEqual([]);
    expect(station.db.prepare('SELECT state FROM outbox WHERE uuid = ?').get(uuid)).toEqual({
      state: 'pending',
    });

    rejectOne();
    health = await station.call('staff.resolveDeadLetter', { uuid });
    expect(health.deadLetters).toEqual([]);
    // Resolved, not deleted: the row stays as the platform refused it.
    expect(station.db.prepare('SELECT state FROM outbox WHERE uuid = ?').get(uuid)).toEqual({
      state: 'rejected',
    });
    expect(await station.refused('staff.resolveDeadLetter', { uuid: crypto.randomUUID() })).toMatch(
      /^not-found/,
    );
  });

  it('reports the printer out of paper from its device status', async () => {
    station = staffStation();
    await station.signIn();
    expect((await station.call('staff.health', {})).printer).toEqual({
      configured: false,
      paperOut: false,
      detail: null,
    });
    station.core.setDeviceStatuses([
      {
        source: 'escpos:/dev/usb/lp0',
        kind: 'printer',
        driver: 'escpos',
        connected: true,
        state: 'open',
        detail: 'out of paper',
        lastEventAt: null,
        errors: 1,
        lastError: 'escpos:/dev/usb/lp0: out of paper; nothing was printed',
        reconnects: 0,
      },
    ]);
    const health = await station.call('staff.health', {});
    expect(health.printer).toMatchObject({ configured: true, paperOut: true });
    expect(health.devices).toHaveLength(1);
  });
});
