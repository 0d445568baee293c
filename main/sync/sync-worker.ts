import { randomUUID } from 'node:crypto';
import { pullLimits, pushLimits, type Change } from '../../contract/sync-protocol';
import { shanghaiIso } from '../clock';
import type { Db } from '../store/open-database';
import { applyChanges } from './apply-changes';
import { backoffDelay, type BackoffPolicy } from './backoff';
import {
  claimBatch,
  isUrgent,
  readPending,
  recordResults,
  releaseClaimed,
  resetSending,
} from './outbox-queue';
import { watchOutbox } from './outbox-watch';
import { PlatformClient, type PlatformLink } from './platform-client';
import { PlatformHttpError } from './sync-errors';
import { SyncLock } from './sync-lock';
import { recordSyncError, syncSummary, type SyncSummary } from './sync-summary';

export interface SyncWorkerOptions {
  maxItems?: number;
  maxBytes?: number;
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** how long to wait when the outbox is empty before looking again (an append wakes it sooner) */
  idleMs?: number;
  pullIntervalMs?: number;
  /** changes asked for per pull page (1–2000, default 500) */
  pullPageSize?: number;
  /** the cross-process lease; must be more than twice the request timeout (see SyncLock.acquire) */
  leaseMs?: number;
  /** the device's clock (tests set it days off) */
  localNow?: () => number;
  random?: () => number;
  onEvent?: (event: SyncEvent) => void;
}

export type SyncEvent =
  | { type: 'pushed'; synced: number; rejected: number }
  | { type: 'pulled'; changes: number; pages: number; credited: number }
  | { type: 'refused'; kind: Change['kind']; key: string; reason: string }
  | { type: 'error'; message: string; retryInMs: number };

/** Pages fetched in one pull round; the rest follow in the next round, right after. */
const maxPagesPerRound = 50;

/**
 * The kiosk's sync worker: drains the outbox to the platform in bounded batches and pulls changes
 * down. Every SQLite step is a short synchronous transaction between awaits, never across one.
 */
export class SyncWorker {
  readonly client: PlatformClient;
  private readonly lock: SyncLock;
  private readonly o: Required<Omit<SyncWorkerOptions, 'onEvent' | 'localNow'>>;
  private stopped = true;
  private running: Promise<void> | null = null;
  private abort = new AbortController();
  private wake: (() => void) | null = null;
  private pullWanted = true;
  private maxItemsNow: number;
  private unwatch: (() => void) | null = null;
  /** help calls being sent on the urgent path, so two notices of one row send it once */
  private readonly urgentInFlight = new Set<string>();

  constructor(
    private readonly db: Db,
    link: PlatformLink,
    private readonly options: SyncWorkerOptions = {},
  ) {
    const timeoutMs = options.timeoutMs ?? 15_000;
    this.o = {
      maxItems: Math.min(options.maxItems ?? 200, pushLimits.maxItems),
      maxBytes: Math.min(options.maxBytes ?? 256 * 1024, pushLimits.maxBodyBytes),
      timeoutMs,
      backoff: options.backoff ?? { baseMs: 1000, capMs: 5 * 60_000 },
      idleMs: options.idleMs ?? 5000,
      pullIntervalMs: options.pullIntervalMs ?? 60_000,
      pullPageSize: Math.min(
        Math.max(options.pullPageSize ?? pullLimits.defaultLimit, 1),
        pullLimits.maxLimit,
      ),
      leaseMs: options.leaseMs ?? Math.max(30_000, 3 * timeoutMs),
      random: options.random ?? Math.random,
    };
    if (this.o.leaseMs <= 2 * timeoutMs)
      throw new RangeError(
        `sync leaseMs (${this.o.leaseMs}) must be more than twice timeoutMs (${timeoutMs}): a request must end before another process may take the lease`,
      );
    this.maxItemsNow = this.o.maxItems;
    this.client = new PlatformClient(link, { timeoutMs, localNow: options.localNow });
    this.lock = new SyncLock(db, `${process.pid}-${randomUUID()}`, this.o.leaseMs);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    // Every row this connection appends wakes the worker (and sends a help call at once).
    this.unwatch = watchOutbox(this.db, (row) =>
      this.notifyAppended(row, row.type === 'help.call' ? parseJson(row.payload) : null),
    );
    this.running = this.loop();
  }

  /** Stops after aborting any request in flight; its rows go back to pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unwatch?.();
    this.unwatch = null;
    this.abort.abort();
    this.wake?.();
    await this.running;
    this.running = null;
  }

  /** New work was committed: look now rather than at the next idle tick. Does not cut a backoff short. */
  kick(): void {
    this.wake?.();
  }

  /** Asks for a pull at the next chance (e.g. staff pressed "sync now"). */
  requestPull(): void {
    this.pullWanted = true;
    this.kick();
  }

  /**
   * Told after a transaction commits (the worker also watches the outbox itself, see start()). A
   * red-button help call is sent at once on its own, past any queue or backoff; everything else
   * just wakes the worker.
   */
  notifyAppended(entry: { uuid: string; type: string }, payload: unknown): void {
    if (this.stopped) return;
    if (isUrgent(entry.type, payload)) void this.sendUrgent(entry.uuid);
    else this.kick();
  }

  /**
   * Sends one transaction now, outside the lock: the worst case is the batch path sending it as
   * well, which the platform answers as a duplicate. Resolves true once the platform holds it.
   */
  async sendUrgent(uuid: string): Promise<boolean> {
    if (this.urgentInFlight.has(uuid)) return false;
    const item = readPending(this.db, uuid);
    if (!item) return false;
    this.urgentInFlight.add(uuid);
    try {
      const reply = await this.client.push([item], this.abort.signal);
      recordResults(this.db, reply.results, shanghaiIso());
      return reply.results[0]?.status !== 'rejected';
    } catch (error) {
      recordSyncError(this.db, `urgent ${item.type} ${uuid}: ${message(error)}`, shanghaiIso());
      this.kick();
      return false;
    } finally {
      this.urgentInFlight.delete(uuid);
    }
  }

  summary(): SyncSummary {
    return syncSummary(this.db);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    let lastPull = 0;
    while (!this.stopped) {
      try {
        if (!this.holdLease()) {
          await this.sleep(Math.min(this.o.leaseMs / 3, 5000), true);
          continue;
        }
        if ((await this.pushOnce()) > 0) {
          failures = 0;
          continue;
        }
        if (this.pullWanted || Date.now() - lastPull >= this.o.pullIntervalMs) {
          await this.pullRound();
          lastPull = Date.now();
          if (this.pullWanted) continue; // more pages wait: fetch them now, not after idling
        }
        failures = 0;
        await this.sleep(this.o.idleMs, true);
      } catch (error) {
        if (this.stopped) break;
        failures += 1;
        // Retry-After is honoured, but never beyond the backoff cap: a platform (or a proxy) that
        // asks for a day would otherwise silence the station for that day.
        const retryAfter = error instanceof PlatformHttpError ? error.retryAfterMs : null;
        const delay =
          retryAfter !== null
            ? Math.min(retryAfter, this.o.backoff.capMs)
            : backoffDelay(failures, this.o.backoff, this.o.random);
        recordSyncError(this.db, message(error), shanghaiIso());
        this.options.onEvent?.({ type: 'error', message: message(error), retryInMs: delay });
        await this.sleep(delay, false);
      }
    }
    this.lock.release();
  }

  /**
   * Takes or renews the cross-process lease before a request; false when another process holds it.
   * Taking it over from a dead or departed holder turns that holder's 'sending' rows back to pending.
   */
  private holdLease(): boolean {
    const lock = this.lock.acquire();
    if (lock.takenOver) resetSending(this.db);
    return lock.acquired;
  }

  /** Sends one batch; returns how many transactions it carried (0 when the outbox is drained). */
  private async pushOnce(): Promise<number> {
    const batch = claimBatch(this.db, this.maxItemsNow, this.o.maxBytes, shanghaiIso());
    if (batch.items.length === 0) return 0;
    const uuids = batch.items.map((i) => i.uuid);
    let results;
    try {
      results = (await this.client.push(batch.items, this.abort.signal)).results;
    } catch (error) {
      releaseClaimed(this.db, uuids, message(error));
      // Too large for this platform's limit: halve the batch rather than retry the same bytes.
      if (error instanceof PlatformHttpError && error.status === 413)
        this.maxItemsNow = Math.max(1, Math.floor(batch.items.length / 2));
      throw error;
    }
    const { synced, rejected } = recordResults(this.db, results, shanghaiIso());
    this.options.onEvent?.({ type: 'pushed', synced, rejected });
    return batch.items.length;
  }

  /**
   * Fetches the pages since the cursor (at most 50 in a round), then applies them and the new
   * cursor in one transaction. When more wait, pullWanted stays set and the loop comes back.
   */
  private async pullRound(): Promise<void> {
    const start = (
      this.db.prepare('SELECT pull_cursor AS c FROM sync_status WHERE id = 1').get() as {
        c: number;
      }
    ).c;
    let cursor = start;
    const changes: Change[] = [];
    let more = true;
    let pages = 0;
    while (more && pages < maxPagesPerRound && !this.stopped) {
      // A round may be many pages: renew the lease before each, so it never lapses mid-round.
      if (!this.holdLease()) throw new Error('another process took the sync lease during a pull');
      const reply = await this.client.pull(cursor, this.o.pullPageSize, this.abort.signal);
      pages += 1;
      if (reply.cursor < cursor)
        throw new Error(
          `the platform moved the pull cursor back from ${cursor} to ${reply.cursor}`,
        );
      changes.push(...reply.changes);
      cursor = reply.cursor;
      more = reply.more;
    }
    if (this.stopped) return;
    let outcome;
    try {
      outcome = applyChanges(this.db, changes, cursor, shanghaiIso());
    } catch (error) {
      // Nothing was applied (one transaction); the same pull is tried again after a backoff.
      throw new Error(
        `applying ${changes.length} pulled changes (cursor ${start} to ${cursor}) failed, none applied: ${message(error)}`,
      );
    }
    this.pullWanted = more;
    for (const r of outcome.refused)
      this.options.onEvent?.({ type: 'refused', kind: r.kind, key: r.key, reason: r.reason });
    this.options.onEvent?.({
      type: 'pulled',
      changes: changes.length,
      pages,
      credited: outcome.credited,
    });
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeable ? done : () => (this.stopped ? done() : undefined);
    });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
