#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: installs the Python test requirements and Debian's
# chromium (for the browser tests) when missing, then runs pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Memasang chromium (Debian) untuk uji peramban…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium tidak ada: jalankan 'sudo apt-get install -y chromium' lalu ulangi." >&2
    exit 1
  fi
fi
exec python -m pytest "$@"
