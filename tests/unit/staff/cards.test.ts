import { afterEach, describe, expect, it } from 'vitest';
import { STAFF, SUPERVISOR, outboxRows, staffStation, type StaffStation } from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

const ZHANG = { id: 'nx-0001', card: '0A1B2C3D4E' };
const NEW_CARD = 'C0FFEE0001';

describe('cards at the counter: bind, lost, replace', () => {
  it('binds a new card; the elder is greeted with it at the next tap', async () => {
    station = staffStation();
    await station.signIn();
    const cards = await station.call('staff.bindCard', { elderId: ZHANG.id, uid: NEW_CARD });
    expect(cards.map((c) => [c.uid, c.status])).toEqual(
      expect.arrayContaining([
        [ZHANG.card, 'active'],
        [NEW_CARD, 'active'],
      ]),
    );
    expect(outboxRows(station.db, 'card.bind')).toEqual([
      expect.objectContaining({ uid: NEW_CARD, elderId: ZHANG.id, staffId: STAFF.id }),
    ]);
    await station.call('staff.signOut', {});
    expect(station.core.cardTapped(NEW_CARD, 'test')).toMatchObject({
      kind: 'elder',
      elder: { id: ZHANG.id },
    });
  });

  it('a card reported lost is refused at the kiosk with the lost-card message', async () => {
    station = staffStation();
    await station.signIn();
    await station.call('staff.reportLost', { elderId: ZHANG.id, uid: ZHANG.card });
    expect(outboxRows(station.db, 'card.lost')).toEqual([
      expect.objectContaining({ uid: ZHANG.card, elderId: ZHANG.id, staffId: STAFF.id }),
    ]);
    await station.call('staff.signOut', {});
    expect(station.core.cardTapped(ZHANG.card, 'test')).toEqual({
      kind: 'card-refused',
      reason: 'lost-card',
    });
    expect(station.core.currentElder()).toBeNull();
  });

  it('replaces: the old card lost and the new one bound in one step', async () => {
    station = staffStation();
    await station.signIn();
    const cards = await station.call('staff.replaceCard', {
      elderId: ZHANG.id,
      oldUid: ZHANG.card,
      newUid: NEW_CARD,
    });
    expect(Object.fromEntries(cards.map((c) => [c.uid, c.status]))).toEqual({
      [ZHANG.card]: 'lost',
      [NEW_CARD]: 'active',
    });
    expect(outboxRows(station.db, 'card.replace')).toEqual([
      expect.objectContaining({ oldUid: ZHANG.card, newUid: NEW_CARD, staffId: STAFF.id }),
    ]);
    await station.call('staff.signOut', {});
    expect(station.core.cardTapped(ZHANG.card, 'test')).toMatchObject({ reason: 'lost-card' });
    expect(station.core.cardTapped(NEW_CARD, 'test')).toMatchObject({ kind: 'elder' });
  });

  it('refuses a card already on the roster, a staff card, and a replace that would half-happen', async () => {
    station = staffStation();
    await station.signIn();
    expect(
      await station.refused('staff.bindCard', { elderId: 'nx-0002', uid: ZHANG.card }),
    ).toMatch(/card-in-use/);
    expect(
      await station.refused('staff.bindCard', { elderId: 'nx-0002', uid: SUPERVISOR.uid }),
    ).toMatch(/staff card/);
    // The new card is taken: the old one must stay active (nothing half-done).
    expect(
      await station.refused('staff.replaceCard', {
        elderId: 'nx-0002',
        oldUid: '04A1B2C3',
        newUid: ZHANG.card,
      }),
    ).toMatch(/card-in-use/);
    const cards = await station.call('staff.elderCards', { elderId: 'nx-0002' });
    expect(cards).toEqual([expect.objectContaining({ uid: '04A1B2C3', status: 'active' })]);
    expect(
      await station.refused('staff.reportLost', { elderId: 'nx-0002', uid: ZHANG.card }),
    ).toMatch(/card-not-active/);
    expect(await station.refused('staff.bindCard', { elderId: 'nobody', uid: NEW_CARD })).toMatch(
      /^not-found/,
    );
  });

  it('a new card tapped in the console stays in the console, offered for binding', async () => {
    station = staffStation();
    await station.signIn();
    expect(station.core.cardTapped(NEW_CARD, 'test')).toMatchObject({
      kind: 'staff',
      tappedCard: NEW_CARD,
    });
  });

  it('a lost staff card is refused like a lost elder card', async () => {
    station = staffStation();
    station.db.prepare("UPDATE staff_cards SET status = 'lost' WHERE uid = ?").run(STAFF.uid);
    expect(station.core.cardTapped(STAFF.uid, 'test')).toEqual({
      kind: 'card-refused',
      reason: 'lost-card',
    });
  });

  it('the demo tray offers the staff and supervisor cards', () => {
    station = staffStation();
    const uids = station.core.stationInfo().demoCards.map((c) => c.uid);
    expect(uids).toEqual(expect.arrayContaining([STAFF.uid, SUPERVISOR.uid]));
  });
});
