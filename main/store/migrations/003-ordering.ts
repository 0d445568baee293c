import type { Migration } from './migration';

/**
 * 助餐 orders, 点单式 service bookings and the subsidy ledger (issue 5). Orders and bookings keep
 * a little mutable state (cancelled, cash confirmed, printed); money lives only in the ledger,
 * which triggers make append-only: a refund is a reversal row, a balance is a sum.
 */
export const ordering: Migration = {
  version: 3,
  name: 'ordering',
  sql: `
    CREATE TABLE meal_orders (
      uuid TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      elder_id TEXT NOT NULL,
      date TEXT NOT NULL,
      sitting TEXT NOT NULL CHECK (sitting IN ('lunch', 'dinner')),
      dish_id TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity >= 1),
      subsidised INTEGER NOT NULL CHECK (subsidised IN (0, 1)),
      delivery INTEGER NOT NULL CHECK (delivery IN (0, 1)),
      tier TEXT NOT NULL,
      full_fen INTEGER NOT NULL CHECK (full_fen >= 0),
      government_fen INTEGER NOT NULL CHECK (government_fen >= 0),
      enterprise_fen INTEGER NOT NULL CHECK (enterprise_fen >= 0),
      charity_fen INTEGER NOT NULL CHECK (charity_fen >= 0),
      personal_fen INTEGER NOT NULL CHECK (personal_fen >= 0),
      quote TEXT NOT NULL CHECK (json_valid(quote)),
      payment TEXT NOT NULL CHECK (payment IN ('meal-wallet', 'subsidy-balance', 'cash')),
      payment_state TEXT NOT NULL CHECK (payment_state IN ('paid', 'awaiting-cash', 'refunded')),
      queue_number INTEGER NOT NULL,
      snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
      status TEXT NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'cancelled')),
      cancel_seq INTEGER UNIQUE,
      print_state TEXT NOT NULL DEFAULT 'pending' CHECK (print_state IN ('pending', 'printed', 'failed')),
      created_at TEXT NOT NULL,
      cancelled_at TEXT,
      CHECK (government_fen + enterprise_fen + charity_fen + personal_fen = full_fen)
    ) STRICT;
    -- Queue numbers are per day and sitting and never reused, even after a cancellation.
    CREATE UNIQUE INDEX meal_orders_queue ON meal_orders(date, sitting, queue_number);
    CREATE INDEX meal_orders_elder ON meal_orders(elder_id, date, sitting);
    CREATE INDEX meal_orders_dish ON meal_orders(date, sitting, dish_id);

    -- What a station's services cost whom: government-purchased minutes a month (政府购买服务)
    -- and a government share for elders who receive one of the listed entitlements.
    CREATE TABLE service_terms (
      service_id TEXT PRIMARY KEY,
      purchased_minutes_per_month INTEGER NOT NULL CHECK (purchased_minutes_per_month >= 0),
      purchased_for TEXT NOT NULL CHECK (json_valid(purchased_for)),
      subsidy_percent INTEGER NOT NULL CHECK (subsidy_percent BETWEEN 0 AND 100),
      subsidy_for TEXT NOT NULL CHECK (json_valid(subsidy_for)),
      is_assessment INTEGER NOT NULL DEFAULT 0 CHECK (is_assessment IN (0, 1))
    ) STRICT;

    CREATE TABLE service_bookings (
      uuid TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE,
      elder_id TEXT NOT NULL,
      service_id TEXT NOT NULL,
      slot_id TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      month TEXT NOT NULL,
      purchased_minutes INTEGER NOT NULL CHECK (purchased_minutes >= 0),
      full_fen INTEGER NOT NULL CHECK (full_fen >= 0),
      government_fen INTEGER NOT NULL CHECK (government_fen >= 0),
      enterprise_fen INTEGER NOT NULL CHECK (enterprise_fen >= 0),
      charity_fen INTEGER NOT NULL CHECK (charity_fen >= 0),
      personal_fen INTEGER NOT NULL CHECK (personal_fen >= 0),
      quote TEXT NOT NULL CHECK (json_valid(quote)),
      payment TEXT NOT NULL CHECK (payment IN ('meal-wallet', 'subsidy-balance', 'cash', 'none')),
      payment_state TEXT NOT NULL CHECK (payment_state IN ('paid', 'awaiting-cash', 'refunded', 'none')),
      booking_number INTEGER NOT NULL,
      snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
      status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
      cancel_seq INTEGER UNIQUE,
      print_state TEXT NOT NULL DEFAULT 'pending' CHECK (print_state IN ('pending', 'printed', 'failed')),
      created_at TEXT NOT NULL,
      cancelled_at TEXT,
      CHECK (government_fen + enterprise_fen + charity_fen + personal_fen = full_fen)
    ) STRICT;
    CREATE INDEX service_bookings_elder ON service_bookings(elder_id, month);
    CREATE INDEX service_bookings_slot ON service_bookings(slot_id);

    -- 能力评估 booked and not cancelled: the entitlement side reads this to stop the reminder.
    CREATE VIEW assessment_bookings AS
      SELECT b.elder_id, b.uuid, b.starts_at, b.created_at
      FROM service_bookings b JOIN service_terms t ON t.service_id = b.service_id
      WHERE t.is_assessment = 1 AND b.status = 'booked';

    -- Double entry: each transaction's rows sum to zero. amount_fen is credited to the account
    -- (elder accounts are per elder_id); a balance is the sum of an account's rows.
    CREATE TABLE ledger_entries (
      id TEXT PRIMARY KEY,
      record_uuid TEXT NOT NULL,
      record_kind TEXT NOT NULL CHECK (record_kind IN ('meal-order', 'service-booking', 'deposit', 'cash-confirmation')),
      account TEXT NOT NULL,
      elder_id TEXT,
      amount_fen INTEGER NOT NULL,
      reverses TEXT UNIQUE REFERENCES ledger_entries(id),
      seq INTEGER NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ledger_entries_account ON ledger_entries(account, elder_id);
    CREATE INDEX ledger_entries_record ON ledger_entries(record_uuid);
    CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
      BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: write a reversal instead'); END;
    CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
      BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: write a reversal instead'); END;
  `,
};
