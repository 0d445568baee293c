// The sync module's outside: what the core starts, and what the staff screen reads.
export { SyncWorker, type SyncWorkerOptions, type SyncEvent } from './sync-worker';
export { syncSummary, type SyncSummary, type DeadLetter } from './sync-summary';
export type { RefusedChange } from './pulled-packs';
export { requeueRejected, isUrgent } from './outbox-queue';
export { PlatformClient, type PlatformLink } from './platform-client';
export { enrolDevice } from './enrol-device';
export { PlatformHttpError, PlatformReplyError, PlatformUnreachableError } from './sync-errors';

import type { KioskConfig } from '../config/config-schema';
import type { Db } from '../store/open-database';
import { SyncWorker as Worker, type SyncWorkerOptions as Options } from './sync-worker';

/**
 * What the core calls at start: a running worker for the config's platform section, or null when
 * the station has no platform link (it then keeps everything in its outbox). Stop it on shutdown
 * with `await worker.stop()` before closing the database.
 */
export function startSyncWorker(
  db: Db,
  platform: KioskConfig['platform'],
  options: Options = {},
): Worker | null {
  if (!platform) return null;
  const worker = new Worker(db, platform, options);
  worker.start();
  return worker;
}
