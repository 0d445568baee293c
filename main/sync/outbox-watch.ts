import type { Db } from '../store/open-database';

export interface AppendedRow {
  uuid: string;
  type: string;
  /** the payload as stored (JSON text) */
  payload: string;
}

type Listener = (row: AppendedRow) => void;

const fn = 'yiyang_outbox_appended';
const listeners = new WeakMap<Db, Set<Listener>>();

/**
 * Calls `listener` after every outbox row that this connection writes, whoever wrote it (orders,
 * bookings, staff actions, help calls), so the sync worker wakes at once instead of at its next
 * idle tick. A TEMP trigger (this connection only, never stored in the file) calls a JavaScript
 * function inside the writing transaction; the listener runs later, on setImmediate, after that
 * synchronous transaction has committed or rolled back. A listener must cope with a row that is no
 * longer there (a rollback). Rows written by another process are found by the worker's polling.
 * Returns the function that stops listening.
 */
export function watchOutbox(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) {
    const mine = new Set<Listener>();
    set = mine;
    listeners.set(db, mine);
    db.function(fn, { deterministic: false }, (uuid: unknown, type: unknown, payload: unknown) => {
      const row = { uuid: String(uuid), type: String(type), payload: String(payload) };
      // Never throw into the writer's transaction, and never run sync work inside it.
      setImmediate(() => {
        for (const l of mine) l(row);
      });
      return null;
    });
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${fn} AFTER INSERT ON main.outbox
      BEGIN SELECT ${fn}(NEW.uuid, NEW.type, NEW.payload); END`);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
