import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BookingView, SlotView } from '../../../contract/calls/ordering-calls';
import { testStation, type TestStation } from './station-fixture';

/**
 * 服务找人 says "能力评估 is due" until the elder books one: after a real services.book of the
 * 能力评估 on a real station file, benefits.reminders no longer asks and 我的待遇 says when it is
 * booked. 张桂英 (nx-0001, card 0A1B2C3D4E) is 83 and was last assessed on 2025-04-10, so her
 * yearly assessment is due on the station's day, 2026-11-23.
 */
const ZHANG = '0A1B2C3D4E';
const DUE = 'assessment-due';

let station: TestStation;
afterEach(() => station.close());

async function book(s: TestStation, serviceId: string): Promise<BookingView> {
  s.core.cardTapped(ZHANG, 'test');
  const [slot] = await s.call<SlotView[]>('services.slots', { serviceId });
  if (!slot) throw new Error(`no slot for ${serviceId}`);
  const booking = await s.call<BookingView>('services.book', {
    uuid: randomUUID(),
    slotId: slot.id,
    payment: 'cash',
  });
  s.core.endSession();
  return booking;
}

describe('a booked 能力评估 answers the assessment-due reminder', () => {
  it('no reminder once booked; 我的待遇 says when; cancelling brings the reminder back', async () => {
    station = testStation(new Date('2026-11-23T08:30:00+08:00'));
    const before = await station.benefitsOf(ZHANG);
    expect(before.reminders.map((r) => r.kind)).toContain(DUE);

    const booking = await book(station, 's-assessment');
    const after = await station.benefitsOf(ZHANG);
    expect(after.reminders.map((r) => r.kind)).not.toContain(DUE);
    // the money she could apply for is still reminded of
    expect(after.reminders.map((r) => r.entitlementId)).toContain('10-high-age-allowance');
    const yearly = after.view.groups
      .flatMap((g) => g.items)
      .find((e) => e.id === '4-assessment-yearly');
    const when = `${booking.quote.slot.startsAt.slice(0, 10)} ${booking.quote.slot.startsAt.slice(11, 16)}`;
    expect(yearly).toMatchObject({ status: 'due' });
    expect(yearly?.whatToDo['zh-CN']).toBe(`已预约 ${when}，请按时来`);

    station.core.cardTapped(ZHANG, 'test');
    await station.call('services.cancel', { uuid: booking.uuid });
    station.core.endSession();
    expect((await station.benefitsOf(ZHANG)).reminders.map((r) => r.kind)).toContain(DUE);
  });

  it('another service booked does not silence it, and a booking already past does not either', async () => {
    station = testStation(new Date('2026-11-23T08:30:00+08:00'));
    const other = station.db
      .prepare("SELECT id FROM services WHERE id <> 's-assessment' ORDER BY id LIMIT 1")
      .get() as { id: string };
    await book(station, other.id);
    expect((await station.benefitsOf(ZHANG)).reminders.map((r) => r.kind)).toContain(DUE);

    const booking = await book(station, 's-assessment');
    // a week after the booked day, with no assessment recorded: she missed it, so remind again
    const startsAt = Date.parse(booking.quote.slot.startsAt);
    station.clock.now = new Date(startsAt + 7 * 24 * 3_600_000);
    expect((await station.benefitsOf(ZHANG)).reminders.map((r) => r.kind)).toContain(DUE);
  });
});
