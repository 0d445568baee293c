/**
 * The platform's tables, written once for both backends. The differences are the serial cursor and
 * the integer widths; everything else (keys, uniqueness that makes ingest idempotent) is shared.
 */
export function platformSchemaSql(backend: 'sqlite' | 'postgres'): string {
  const serial =
    backend === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  const big = backend === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return `
    CREATE TABLE IF NOT EXISTS devices (
      id TEXT PRIMARY KEY,
      secret TEXT NOT NULL,
      name TEXT,
      created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS enrolment_codes (
      code TEXT PRIMARY KEY,
      name TEXT,
      expires_at TEXT NOT NULL,
      used_by TEXT
    );
    CREATE TABLE IF NOT EXISTS nonces (
      device_id TEXT NOT NULL,
      nonce TEXT NOT NULL,
      expires_at ${big} NOT NULL,
      PRIMARY KEY (device_id, nonce)
    );
    CREATE TABLE IF NOT EXISTS transactions (
      device_id TEXT NOT NULL,
      uuid TEXT NOT NULL,
      seq ${big} NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      device_time TEXT NOT NULL,
      digest TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (device_id, uuid)
    );
    CREATE TABLE IF NOT EXISTS changes (
      cursor ${serial},
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      data TEXT
    );
    CREATE INDEX IF NOT EXISTS changes_kind_key ON changes (kind, key);
    CREATE TABLE IF NOT EXISTS counters (
      name TEXT PRIMARY KEY,
      value ${big} NOT NULL
    );
    INSERT INTO counters (name, value) VALUES ('duplicates', 0), ('rejected', 0)
      ON CONFLICT (name) DO NOTHING;
  `;
}
