import type { Migration } from './migration';

/**
 * The staff console (issue 8): staff and their cards, PIN lockout, elders' delivery addresses,
 * what the counter marked served or delivered, and dead letters staff resolved by hand. Staff
 * acting for an elder are recorded on the order itself (`staff_id`), next to `elder_id`.
 */
export const staff: Migration = {
  version: 4,
  name: 'staff',
  sql: `
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor')),
      -- scrypt$N$r$p$salt$hash: the PIN is never stored, only this (with the device pepper)
      pin_hash TEXT NOT NULL,
      failed_pins INTEGER NOT NULL DEFAULT 0 CHECK (failed_pins >= 0),
      locked_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE staff_cards (
      uid TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lost')),
      bound_at TEXT NOT NULL
    ) STRICT;

    -- The roster has no address; the delivery list needs one (送餐).
    CREATE TABLE elder_addresses (
      elder_id TEXT PRIMARY KEY,
      address TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE meal_fulfilment (
      order_uuid TEXT PRIMARY KEY REFERENCES meal_orders(uuid),
      state TEXT NOT NULL CHECK (state IN ('served', 'delivered')),
      staff_id TEXT NOT NULL,
      seq INTEGER NOT NULL UNIQUE,
      at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE dead_letter_resolutions (
      outbox_uuid TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;

    ALTER TABLE meal_orders ADD COLUMN staff_id TEXT;
    ALTER TABLE service_bookings ADD COLUMN staff_id TEXT;
  `,
};
