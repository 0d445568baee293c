#!/usr/bin/env bash
# Runs the sync integration tests with PostgreSQL required (no quiet skip). The tests start their own
# throwaway server (tests/support/postgres.ts: initdb + pg_ctl on a free loopback port, as the
# `postgres` user when run as root), so all this script adds is making sure the server binaries exist.
#   scripts/test-postgres.sh            # run the tests
#   scripts/test-postgres.sh --install  # apt-get install postgresql first if it is missing
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${PG_BIN:-}" ] && [ -z "${YIYANG_TEST_DATABASE_URL:-}" ]; then
  if [ "${1:-}" = "--install" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "test-postgres: no PostgreSQL server binaries; run with --install or apt-get install postgresql" >&2
    exit 2
  fi
fi

YIYANG_REQUIRE_POSTGRES=1 npx vitest run tests/integration/sync
