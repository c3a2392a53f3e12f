#!/usr/bin/env bash
# Browser tests: installs the npm packages (never a browser: Debian's /usr/bin/chromium is
# used), builds the server and runs Playwright. Exits non-zero when a test fails.
set -euo pipefail
cd "$(dirname "$0")"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ -f package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

if [[ -z "${TERMIN_BIN:-}" ]]; then
  (cd .. && cargo build -p termin)
fi

exec npx --no-install playwright test "$@"
