import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase, type Db } from '../../../main/store/open-database';
import { appendToOutbox } from '../../../main/store/outbox';
import { watchOutbox, type AppendedRow } from '../../../main/sync/outbox-watch';

let db: Db;
afterEach(() => db.close());

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('watching the outbox', () => {
  it('tells the listener about every row, after the writing transaction has ended', async () => {
    db = openStationDatabase(':memory:');
    const seen: { row: AppendedRow; inTransaction: boolean }[] = [];
    const stop = watchOutbox(db, (row) => seen.push({ row, inTransaction: db.inTransaction }));
    const uuid = randomUUID();
    db.transaction(() => {
      appendToOutbox(db, 'meal.order', { elderId: 'e1' }, '2026-11-23T09:00:00+08:00', uuid);
      appendToOutbox(db, 'help.call', { button: 'red' }, '2026-11-23T09:00:01+08:00');
    })();
    expect(seen).toEqual([]); // nothing runs inside the writer's transaction
    await nextTurn();
    expect(seen.map((s) => [s.row.type, s.inTransaction])).toEqual([
      ['meal.order', false],
      ['help.call', false],
    ]);
    expect(seen[0]?.row).toMatchObject({ uuid, payload: '{"elderId":"e1"}' });
    stop();
    db.transaction(() => appendToOutbox(db, 'meal.order', {}, '2026-11-23T09:00:02+08:00'))();
    await nextTurn();
    expect(seen).toHaveLength(2);
  });

  it('keeps its trigger out of the database file (TEMP, this connection only)', () => {
    db = openStationDatabase(':memory:');
    watchOutbox(db, () => undefined);
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'yiyang_outbox%'",
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_temp_master WHERE type = 'trigger'").get(),
    ).toEqual({ n: 1 });
  });
});
