#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: installs the Python test requirements and the Debian
# packages the tests drive (chromium for the browser tests, LibreOffice Writer and poppler to look at
# the generated report as a PDF, PostgreSQL and nginx for the server backend and the replicas) when
# missing, then runs pytest in two worker processes, a test file per worker at a time (pytest-xdist: the
# browser, server and PostgreSQL tests spend much of their time waiting). Extra arguments go to pytest
# (-n 0 runs everything in one process).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
perlu=()
command -v chromium >/dev/null 2>&1 || perlu+=(chromium)
command -v soffice >/dev/null 2>&1 || perlu+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || perlu+=(poppler-utils)
# PostgreSQL (the server backend's tests start a throwaway cluster) and nginx (the replicas' end-to-end test)
[ -x /usr/lib/postgresql/15/bin/initdb ] || perlu+=(postgresql)
[ -x /usr/sbin/nginx ] || perlu+=(nginx)
if [ ${#perlu[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Memasang paket Debian untuk uji: ${perlu[*]}…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${perlu[@]}" >/dev/null
  else
    echo "Paket Debian belum ada: jalankan 'sudo apt-get install -y ${perlu[*]}' lalu ulangi." >&2
    exit 1
  fi
fi
exec python -m pytest -n 2 --dist loadfile "$@"
