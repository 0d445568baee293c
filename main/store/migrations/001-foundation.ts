import type { Migration } from './migration';

/** The station's first schema: roster, cards, menus, services, the device sequence and the outbox. */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE elders (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      phone TEXT NOT NULL,
      id_last4 TEXT NOT NULL,
      record TEXT NOT NULL CHECK (json_valid(record)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX elders_name ON elders(name);
    CREATE INDEX elders_phone ON elders(phone);
    CREATE INDEX elders_id_last4 ON elders(id_last4);

    CREATE TABLE cards (
      uid TEXT PRIMARY KEY,
      elder_id TEXT NOT NULL REFERENCES elders(id) ON DELETE CASCADE,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lost')),
      bound_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cards_elder ON cards(elder_id);

    CREATE TABLE dishes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      icon TEXT NOT NULL,
      tags TEXT NOT NULL CHECK (json_valid(tags)),
      price_fen INTEGER NOT NULL CHECK (price_fen >= 0)
    ) STRICT;

    CREATE TABLE menu_items (
      date TEXT NOT NULL,
      sitting TEXT NOT NULL CHECK (sitting IN ('lunch', 'dinner')),
      dish_id TEXT NOT NULL REFERENCES dishes(id),
      portions INTEGER NOT NULL CHECK (portions >= 0),
      cutoff TEXT NOT NULL,
      PRIMARY KEY (date, sitting, dish_id)
    ) STRICT;

    CREATE TABLE services (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      icon TEXT NOT NULL,
      duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
      price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
      description TEXT NOT NULL
    ) STRICT;

    -- One counter per device: every outbox row takes the next number, so the platform can see gaps.
    CREATE TABLE device_sequence (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      next INTEGER NOT NULL
    ) STRICT;
    INSERT INTO device_sequence (id, next) VALUES (1, 1);

    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY,
      uuid TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      device_time TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'synced', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      synced_at TEXT
    ) STRICT;
    CREATE INDEX outbox_state ON outbox(state, seq);
  `,
};
