import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/open-database';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection: an order runs a dozen statements, and
 * compiling each one anew took a good part of the time of a commit (bench/cases/ordering.bench.ts).
 */
export function prepared(db: Db, sql: string): Statement {
  let forDb = cache.get(db);
  if (!forDb) {
    forDb = new Map();
    cache.set(db, forDb);
  }
  let statement = forDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    forDb.set(sql, statement);
  }
  return statement;
}
