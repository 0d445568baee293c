import type { ChangeKind, PolicyPackRef } from '../../contract/sync-protocol';
import { loadPack } from '../../policies/load-pack';
import type { PolicyPack } from '../../policies/schema';
import type { Db } from '../store/open-database';

/** A pulled change the station would not take, kept for the staff screen until a good one replaces it. */
export interface RefusedChange {
  kind: ChangeKind;
  key: string;
  /** the refused version, for packs */
  version: string | null;
  /** why, naming the pack item and field where the loader found the problem */
  reason: string;
  at: string;
}

/**
 * Checks a pulled pack with the same loader as the shipped packs (policies/load-pack.ts): the pack,
 * or why it is refused (naming the item and field). Its id and version must be those it was sent as.
 */
export function checkPulledPack(
  ref: PolicyPackRef,
): { pack: PolicyPack; problem: null } | { pack: null; problem: string } {
  const name = `pulled policy pack ${ref.id} ${ref.version}`;
  let pack: PolicyPack;
  try {
    pack = loadPack(ref.body, name);
  } catch (error) {
    return { pack: null, problem: error instanceof Error ? error.message : String(error) };
  }
  if (pack.id !== ref.id)
    return { pack: null, problem: `${name} refused: its body says id '${pack.id}'` };
  if (pack.version !== ref.version)
    return { pack: null, problem: `${name} refused: its body says version '${pack.version}'` };
  return { pack, problem: null };
}

// Refusals live in the meta table (key/value), one row per refused thing, so no migration is needed.
const prefix = 'sync.refused/';
const metaKey = (kind: ChangeKind, key: string): string => `${prefix}${kind}/${key}`;

/** Call inside the pull's transaction: a later good change of the same thing clears it. */
export function recordRefusal(db: Db, refusal: RefusedChange): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(metaKey(refusal.kind, refusal.key), JSON.stringify(refusal));
}

export function clearRefusal(db: Db, kind: ChangeKind, key: string): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(metaKey(kind, key));
}

/** Every pulled change still refused, newest first. */
export function refusedChanges(db: Db): RefusedChange[] {
  return (
    db
      .prepare('SELECT value FROM meta WHERE key >= ? AND key < ?')
      .all(prefix, `${prefix}\uffff`) as {
      value: string;
    }[]
  )
    .map((r) => JSON.parse(r.value) as RefusedChange)
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Which pulled pack of this id is stored (version and when), to tell a new one cheaply; null if none. */
export function pulledPackStamp(db: Db, id: string): string | null {
  const row = db.prepare('SELECT version, updated_at FROM policy_packs WHERE id = ?').get(id) as
    { version: string; updated_at: string } | undefined;
  return row ? `${row.version}@${row.updated_at}` : null;
}

/**
 * The pack of this id as last pulled from the platform, checked again (a row kept by a kiosk from
 * before packs were checked on the way in may be bad); null when none was pulled.
 */
export function readPulledPack(
  db: Db,
  id: string,
): (ReturnType<typeof checkPulledPack> & { stamp: string }) | null {
  const row = db
    .prepare('SELECT version, body, updated_at FROM policy_packs WHERE id = ?')
    .get(id) as { version: string; body: string; updated_at: string } | undefined;
  if (!row) return null;
  const body = JSON.parse(row.body) as Record<string, unknown>;
  return {
    ...checkPulledPack({ id, version: row.version, body }),
    stamp: `${row.version}@${row.updated_at}`,
  };
}
