import type { Db } from '../../../main/store/open-database';

interface Order {
  uuid: string;
  seq: number;
  status: string;
  cancel_seq: number | null;
  full_fen: number;
  government_fen: number;
  enterprise_fen: number;
  charity_fen: number;
  personal_fen: number;
}

/**
 * Every problem that would show an order committed in part: an order without its outbox row or
 * ledger rows, ledger or outbox rows without their order, a cancellation without its reversal.
 * Returns them as sentences (empty when the file is whole).
 */
export function partialOrders(db: Db): string[] {
  const problems: string[] = [];
  const outbox = new Map(
    (
      db.prepare('SELECT seq, uuid, type, payload FROM outbox').all() as {
        seq: number;
        uuid: string;
        type: string;
        payload: string;
      }[]
    ).map((r) => [r.seq, r]),
  );
  const ledger = db.prepare('SELECT * FROM ledger_entries WHERE record_uuid = ?');
  const orders = db.prepare('SELECT * FROM meal_orders').all() as Order[];
  const known = new Set(orders.map((o) => o.uuid));
  for (const o of orders) {
    const out = outbox.get(o.seq);
    if (!out || out.uuid !== o.uuid || out.type !== 'meal.order')
      problems.push(`order ${o.uuid} has no meal.order outbox row at seq ${o.seq}`);
    const rows = ledger.all(o.uuid) as {
      amount_fen: number;
      reverses: string | null;
      seq: number;
    }[];
    const own = rows.filter((r) => r.reverses === null);
    const expected = [
      o.full_fen,
      o.government_fen,
      o.enterprise_fen,
      o.charity_fen,
      o.personal_fen,
    ].filter((x) => x > 0).length;
    if (own.length !== expected || own.some((r) => r.seq !== o.seq))
      problems.push(
        `order ${o.uuid} has ${own.length} ledger rows at its seq, expected ${expected}`,
      );
    if (own.reduce((s, r) => s + r.amount_fen, 0) !== 0)
      problems.push(`order ${o.uuid} does not balance`);
    const reversals = rows.filter((r) => r.reverses !== null);
    if (o.status === 'cancelled') {
      const c = o.cancel_seq === null ? undefined : outbox.get(o.cancel_seq);
      if (!c || c.type !== 'meal.cancel')
        problems.push(`cancelled order ${o.uuid} has no meal.cancel row`);
      if (reversals.length !== own.length || reversals.some((r) => r.seq !== o.cancel_seq))
        problems.push(
          `cancelled order ${o.uuid} has ${reversals.length} reversals for ${own.length} rows`,
        );
    } else if (reversals.length > 0 || o.cancel_seq !== null) {
      problems.push(`placed order ${o.uuid} has reversal rows or a cancel seq`);
    }
  }
  for (const r of outbox.values()) {
    if (r.type === 'meal.order' && !known.has(r.uuid))
      problems.push(`outbox row ${r.seq} has no order`);
    if (r.type === 'meal.cancel') {
      const { orderUuid } = JSON.parse(r.payload) as { orderUuid: string };
      const o = orders.find((x) => x.uuid === orderUuid);
      if (!o || o.status !== 'cancelled' || o.cancel_seq !== r.seq)
        problems.push(`meal.cancel at seq ${r.seq} did not cancel order ${orderUuid}`);
    }
  }
  const stray = db
    .prepare(
      'SELECT count(*) AS n FROM ledger_entries l WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = l.seq)',
    )
    .get() as { n: number };
  if (stray.n > 0) problems.push(`${stray.n} ledger rows have no outbox row`);
  return problems;
}
