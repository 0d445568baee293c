import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { demoElders } from '../../../main/demo/demo-elders';
import { dishOf, TODAY } from '../ordering/ordering-fixture';
import { STAFF, outboxRows, staffStation, type StaffStation } from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

const shen = demoElders.find((e) => e.id === 'nx-0002');
if (!shen) throw new Error('demo elder nx-0002 is missing');

describe('assisted session: staff act for an elder, both recorded', () => {
  it('finds an elder by the last 4 ID digits, by phone and by name, masked', async () => {
    station = staffStation();
    await station.signIn();
    const byId = await station.call('staff.findElders', { query: shen.idNumber.slice(-4) });
    expect(byId.map((m) => m.id)).toContain('nx-0002');
    const byPhone = await station.call('staff.findElders', { query: shen.phone.slice(-7) });
    expect(byPhone.map((m) => m.id)).toContain('nx-0002');
    const byName = await station.call('staff.findElders', { query: shen.name.slice(0, 2) });
    expect(byName.map((m) => m.id)).toContain('nx-0002');
    const text = JSON.stringify([byId, byPhone, byName]);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toContain(shen.phone);
    expect(byId.find((m) => m.id === 'nx-0002')?.idNumberMasked).toBe(
      `${'*'.repeat(14)}${shen.idNumber.slice(-4)}`,
    );
  });

  it('an assisted meal order carries the staff id and the elder id on the order and its outbox row', async () => {
    station = staffStation();
    await station.signIn();
    const s = await station.call('staff.assist', { elderId: 'nx-0002' });
    expect(s).toMatchObject({ kind: 'staff', assisting: { id: 'nx-0002' } });
    if (s.kind === 'staff') expect(JSON.stringify(s)).not.toContain(shen.idNumber);
    const dish = dishOf(station.db, 'lunch');
    const uuid = randomUUID();
    await station.call('meals.order', {
      uuid,
      date: TODAY,
      sitting: 'lunch',
      dishId: dish.id,
      quantity: 1,
      delivery: false,
      payment: 'meal-wallet',
    });
    const row = station.db
      .prepare('SELECT elder_id, staff_id, seq FROM meal_orders WHERE uuid = ?')
      .get(uuid) as { elder_id: string; staff_id: string | null; seq: number };
    expect(row).toMatchObject({ elder_id: 'nx-0002', staff_id: STAFF.id });
    const outbox = station.db.prepare('SELECT payload FROM outbox WHERE seq = ?').get(row.seq) as {
      payload: string;
    };
    expect(JSON.parse(outbox.payload)).toMatchObject({ elderId: 'nx-0002', staffId: STAFF.id });

    await station.call('meals.cancel', { uuid });
    expect(outboxRows(station.db, 'meal.cancel')).toEqual([
      expect.objectContaining({ orderUuid: uuid, elderId: 'nx-0002', staffId: STAFF.id }),
    ]);
  });

  it('an assisted booking carries both identities; an elder alone has staffId null', async () => {
    station = staffStation();
    await station.signIn();
    await station.call('staff.assist', { elderId: 'nx-0001' });
    const services = await station.call('services.catalogue', {});
    const service = services.find((x) => !x.isAssessment) ?? services[0];
    if (!service) throw new Error('no demo service');
    const slots = await station.call('services.slots', { serviceId: service.id });
    const slot = slots.find((x) => x.left > 0);
    if (!slot) throw new Error('no free demo slot');
    const uuid = randomUUID();
    await station.call('services.book', { uuid, slotId: slot.id, payment: 'meal-wallet' });
    const row = station.db
      .prepare('SELECT elder_id, staff_id FROM service_bookings WHERE uuid = ?')
      .get(uuid);
    expect(row).toEqual({ elder_id: 'nx-0001', staff_id: STAFF.id });
    expect(outboxRows(station.db, 'service.booking')[0]).toMatchObject({
      elderId: 'nx-0001',
      staffId: STAFF.id,
    });

    // The elder alone at the kiosk: no staff id.
    await station.call('staff.signOut', {});
    station.core.cardTapped('0A1B2C3D4E', 'test');
    const own = randomUUID();
    await station.call('meals.order', {
      uuid: own,
      date: TODAY,
      sitting: 'dinner',
      dishId: dishOf(station.db, 'dinner').id,
      quantity: 1,
      delivery: false,
      payment: 'meal-wallet',
    });
    expect(station.db.prepare('SELECT staff_id FROM meal_orders WHERE uuid = ?').get(own)).toEqual({
      staff_id: null,
    });
    expect(outboxRows(station.db, 'meal.order').at(-1)).toMatchObject({ staffId: null });
  });

  it('an elder card tapped during a staff session starts assisting that elder', async () => {
    station = staffStation();
    await station.signIn();
    const s = station.core.cardTapped('0A1B2C3D4E', 'test');
    expect(s).toMatchObject({ kind: 'staff', assisting: { id: 'nx-0001' } });
    expect(station.core.actingStaffId()).toBe(STAFF.id);
    await station.call('staff.assist', { elderId: null });
    expect(station.core.currentElder()).toBeNull();
  });
});
