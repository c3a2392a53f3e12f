#!/usr/bin/env bash
# Runs every test of Termín: formatting, lints, unit, property and API tests (cargo), then the
# browser tests (Playwright driving Debian's Chromium).
#
#   TERMIN_SKIP_BROWSER=1   skip the browser tests (e.g. on a machine without Chromium);
#                           refused when TERMIN_REQUIRE_BROWSER=1 (CI).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
# The same store and API suites on PostgreSQL (TERMIN_TEST_POSTGRES_URL, default
# postgres://postgres@127.0.0.1:5432/postgres): each test creates and drops its own database.
# Set TERMIN_SKIP_POSTGRES=1 to skip on a machine without PostgreSQL (refused in CI).
if [[ "${TERMIN_SKIP_POSTGRES:-0}" == 1 ]]; then
  if [[ "${CI:-}" == true ]]; then
    echo "the PostgreSQL suite is required in CI" >&2
    exit 1
  fi
  echo "PostgreSQL suite skipped (TERMIN_SKIP_POSTGRES=1)"
else
  TERMIN_TEST_BACKEND=postgres cargo test -p termin-store -p termin-server -p termin
fi

if [[ "${TERMIN_SKIP_BROWSER:-0}" == 1 ]]; then
  if [[ "${TERMIN_REQUIRE_BROWSER:-0}" == 1 ]]; then
    echo "browser tests are required but TERMIN_SKIP_BROWSER=1 was given" >&2
    exit 1
  fi
  echo "browser tests skipped (TERMIN_SKIP_BROWSER=1)"
  exit 0
fi
if [[ ! -x /usr/bin/chromium ]]; then
  echo "browser tests need Debian's chromium (/usr/bin/chromium): apt-get install chromium" >&2
  exit 1
fi
cargo build -p termin
# The browser tests start the binary built above (wherever CARGO_TARGET_DIR puts it).
TERMIN_BIN="${TERMIN_BIN:-$(realpath "${CARGO_TARGET_DIR:-target}")/debug/termin}"
export TERMIN_BIN
e2e/run.sh
