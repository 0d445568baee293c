import type { ElderCard } from '../../contract/calls/staff-calls';
import type { Db } from '../store/open-database';
import { appendToOutbox } from '../store/outbox';
import { StaffRefusal } from './staff-repo';

/** Who did it and when: every card change carries the staff id and the elder id. */
export interface CardAct {
  staffId: string;
  elderId: string;
  at: string;
}

export function elderCards(db: Db, elderId: string): ElderCard[] {
  return (
    db
      .prepare('SELECT uid, status, bound_at FROM cards WHERE elder_id = ? ORDER BY bound_at, uid')
      .all(elderId) as { uid: string; status: 'active' | 'lost'; bound_at: string }[]
  ).map((r) => ({ uid: r.uid, status: r.status, boundAt: r.bound_at }));
}

function requireElder(db: Db, elderId: string): void {
  if (!db.prepare('SELECT 1 FROM elders WHERE id = ?').get(elderId))
    throw new StaffRefusal('not-found', `no elder ${elderId}`);
}

function bindInside(db: Db, uid: string, act: CardAct): void {
  const owner = db.prepare('SELECT elder_id, status FROM cards WHERE uid = ?').get(uid) as
    { elder_id: string; status: string } | undefined;
  // A card once reported lost stays refused: a found card is not given out again.
  if (owner) throw new StaffRefusal('card-in-use', `card ${uid} is already on the roster`);
  if (db.prepare('SELECT 1 FROM staff_cards WHERE uid = ?').get(uid))
    throw new StaffRefusal('card-in-use', `card ${uid} is a staff card`);
  db.prepare("INSERT INTO cards (uid, elder_id, status, bound_at) VALUES (?, ?, 'active', ?)").run(
    uid,
    act.elderId,
    act.at,
  );
}

function lostInside(db: Db, uid: string, act: CardAct): void {
  const changed = db
    .prepare(
      "UPDATE cards SET status = 'lost' WHERE uid = ? AND elder_id = ? AND status = 'active'",
    )
    .run(uid, act.elderId).changes;
  if (changed !== 1)
    throw new StaffRefusal('card-not-active', `card ${uid} is not an active card of this elder`);
}

/** Binds a new card to the elder (a card already on the roster, even a lost one, is refused). */
export function bindCard(db: Db, uid: string, act: CardAct): ElderCard[] {
  db.transaction(() => {
    requireElder(db, act.elderId);
    bindInside(db, uid, act);
    appendToOutbox(db, 'card.bind', { uid, ...act }, act.at);
  }).immediate();
  return elderCards(db, act.elderId);
}

/** Reports a card lost: from the next tap on, the kiosk refuses it with the lost-card message. */
export function reportCardLost(db: Db, uid: string, act: CardAct): ElderCard[] {
  db.transaction(() => {
    requireElder(db, act.elderId);
    lostInside(db, uid, act);
    appendToOutbox(db, 'card.lost', { uid, ...act }, act.at);
  }).immediate();
  return elderCards(db, act.elderId);
}

/** The old card lost and the new one bound, both or neither. */
export function replaceCard(db: Db, oldUid: string, newUid: string, act: CardAct): ElderCard[] {
  db.transaction(() => {
    requireElder(db, act.elderId);
    lostInside(db, oldUid, act);
    bindInside(db, newUid, act);
    appendToOutbox(db, 'card.replace', { oldUid, newUid, ...act }, act.at);
  }).immediate();
  return elderCards(db, act.elderId);
}
