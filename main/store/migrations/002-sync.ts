import type { Migration } from './migration';

/**
 * What sync needs beyond the outbox: the cross-process worker lock, the pull's extra kinds
 * (service slots, policy packs, balances) and the status the staff screen shows.
 */
export const sync: Migration = {
  version: 2,
  name: 'sync',
  sql: `
    -- One row: which worker may sync now, until when. A lease, not a held transaction, so a killed
    -- process frees it by expiry and no SQLite lock is ever held across a network call.
    CREATE TABLE sync_lock (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      holder TEXT,
      expires_at INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO sync_lock (id, holder, expires_at) VALUES (1, NULL, 0);

    CREATE TABLE sync_status (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_push_success_at TEXT,
      last_pull_success_at TEXT,
      last_error TEXT,
      last_error_at TEXT,
      pull_cursor INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO sync_status (id) VALUES (1);

    CREATE TABLE service_slots (
      id TEXT PRIMARY KEY,
      service_id TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      capacity INTEGER NOT NULL CHECK (capacity >= 0),
      booked INTEGER NOT NULL CHECK (booked >= 0)
    ) STRICT;
    CREATE INDEX service_slots_service ON service_slots(service_id, starts_at);

    CREATE TABLE policy_packs (
      id TEXT PRIMARY KEY,
      version TEXT NOT NULL,
      body TEXT NOT NULL CHECK (json_valid(body)),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Balances as the platform last reported them (subsidy accounts, vouchers), in fen.
    CREATE TABLE balances (
      elder_id TEXT NOT NULL,
      account TEXT NOT NULL,
      amount_fen INTEGER NOT NULL,
      as_of TEXT NOT NULL,
      PRIMARY KEY (elder_id, account)
    ) STRICT;

    -- Urgent rows (help calls) are picked before the rest without sorting the whole queue.
    CREATE INDEX outbox_state_type ON outbox(state, type, seq);
  `,
};
