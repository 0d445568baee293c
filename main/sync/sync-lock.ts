import type { Db } from '../store/open-database';

export interface LockResult {
  acquired: boolean;
  /** the lock was taken over from another holder (dead or released): its 'sending' rows are orphans */
  takenOver: boolean;
}

/**
 * A lease on the sync_lock row: one worker syncs at a time, also across processes on the same data
 * dir. Taking and renewing are single statements, so no SQLite lock is held while the worker waits
 * on the network; a SIGKILLed holder frees the lease when it expires.
 */
export class SyncLock {
  constructor(
    private readonly db: Db,
    readonly holder: string,
    private readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** when our own lease runs out, as last written; nobody else can hold the lock before then */
  private heldUntil = 0;

  /**
   * Takes or renews the lease. While more than half of our own lease is left, nobody else can have
   * taken it, so the (fsynced) renewal is skipped; the worker needs leaseMs > 2 × its request
   * timeout for a request started now to end before the lease could lapse.
   */
  acquire(): LockResult {
    const t = this.now();
    if (t < this.heldUntil - this.leaseMs / 2) return { acquired: true, takenOver: false };
    const result = this.db
      .transaction((): LockResult => {
        const before = this.db
          .prepare('SELECT holder, expires_at FROM sync_lock WHERE id = 1')
          .get() as {
          holder: string | null;
          expires_at: number;
        };
        const mine = before.holder === this.holder;
        if (!mine && before.holder !== null && before.expires_at > t)
          return { acquired: false, takenOver: false };
        this.db
          .prepare('UPDATE sync_lock SET holder = ?, expires_at = ? WHERE id = 1')
          .run(this.holder, t + this.leaseMs);
        return { acquired: true, takenOver: !mine };
      })
      .immediate();
    this.heldUntil = result.acquired ? t + this.leaseMs : 0;
    return result;
  }

  release(): void {
    this.heldUntil = 0;
    this.db
      .prepare('UPDATE sync_lock SET holder = NULL, expires_at = 0 WHERE id = 1 AND holder = ?')
      .run(this.holder);
  }
}
