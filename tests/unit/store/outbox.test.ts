import { describe, expect, it } from 'vitest';
import { openStationDatabase } from '../../../main/store/open-database';
import { appendToOutbox } from '../../../main/store/outbox';

describe('appendToOutbox', () => {
  it('gives each transaction the next device sequence number and a UUID', () => {
    const db = openStationDatabase(':memory:');
    const a = db.transaction(() =>
      appendToOutbox(db, 'help.call', { button: 'green' }, '2026-11-23T09:00:00.000+08:00'),
    )();
    const b = db.transaction(() =>
      appendToOutbox(db, 'help.call', { button: 'red' }, '2026-11-23T09:00:01.000+08:00'),
    )();
    expect(b.seq).toBe(a.seq + 1);
    expect(a.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const rows = db.prepare('SELECT seq, type, state, payload FROM outbox ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: a.seq, type: 'help.call', state: 'pending', payload: '{"button":"green"}' },
      { seq: b.seq, type: 'help.call', state: 'pending', payload: '{"button":"red"}' },
    ]);
  });

  it('refuses to run outside the writer’s transaction, so a record never commits without its outbox row', () => {
    const db = openStationDatabase(':memory:');
    expect(() => appendToOutbox(db, 'x', {}, 'now')).toThrow(/inside the transaction/);
  });

  it('takes back the sequence number when the surrounding transaction rolls back', () => {
    const db = openStationDatabase(':memory:');
    expect(() =>
      db.transaction(() => {
        appendToOutbox(db, 'x', {}, 'now');
        throw new Error('the order failed');
      })(),
    ).toThrow('the order failed');
    const next = db.transaction(() => appendToOutbox(db, 'x', {}, 'now'))();
    expect(next.seq).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });
});
