#!/usr/bin/env bash
# One command for a PostgreSQL-backed dashboard with replicas behind nginx, on this machine's loopback:
#
#   deploy/mulai-lokal.sh [JUMLAH_REPLIKA] [PORT_NGINX]      (defaults: 2 replicas, port 8600)
#
# It initialises a throwaway PostgreSQL cluster with Debian's binaries (as the `postgres` user when run
# as root: initdb refuses root) in a temporary folder, loads the bundled data, starts the replicas
# (python -m streamlit, production settings, one shared cookie secret) and nginx (deploy/nginx-lkjip.conf)
# and prints the address. Ctrl-C (or SIGTERM) stops everything and deletes the folder.
# Needs: apt-get install postgresql nginx; pip install -r requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2}"
PORT_NGINX="${2:-8600}"
PG_BIN="${LKJIP_PG_BIN:-/usr/lib/postgresql/15/bin}"
NGINX="${LKJIP_NGINX:-/usr/sbin/nginx}"
PY="${PYTHON:-python}"
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL tidak ada di $PG_BIN: apt-get install postgresql" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "nginx tidak ada di $NGINX: apt-get install nginx" >&2; exit 1; }

KERJA="$(mktemp -d /tmp/lkjip-lokal-XXXXXX)"
chmod 755 "$KERJA"
pids=()
sebagai_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
berhenti() {
  trap '' INT TERM
  trap - EXIT
  set +e
  echo "Menghentikan…"
  if [ -f "$KERJA/nginx/nginx.pid" ]; then kill "$(cat "$KERJA/nginx/nginx.pid")" 2>/dev/null; fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  if [ -d "$KERJA/pg/data" ]; then sebagai_pg "$PG_BIN/pg_ctl" -D "$KERJA/pg/data" -m fast stop >/dev/null 2>&1; fi
  rm -rf "$KERJA"
  echo "Berhenti."
}
trap berhenti EXIT
trap 'exit 0' INT TERM

port_bebas() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. PostgreSQL, as a non-root user, C collation (text sorts as on DuckDB)
mkdir -p "$KERJA/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$KERJA/pg"
PORT_PG="$(port_bebas)"
sebagai_pg "$PG_BIN/initdb" -D "$KERJA/pg/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
sebagai_pg "$PG_BIN/pg_ctl" -D "$KERJA/pg/data" -l "$KERJA/pg/log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT_PG -k $KERJA/pg" start >/dev/null
"$PY" - "$PORT_PG" <<'PY'
import sys, psycopg
with psycopg.connect(f"postgresql://postgres@127.0.0.1:{sys.argv[1]}/postgres", autocommit=True) as c:
    c.execute('CREATE DATABASE lkjip TEMPLATE template0 LC_COLLATE "C" LC_CTYPE "C"')
PY
export LKJIP_DB="postgresql://postgres@127.0.0.1:$PORT_PG/lkjip"
"$PY" -m lkjip init --db "$LKJIP_DB"

# 2. the replicas: production settings (see deploy/streamlit-produksi.toml), one shared cookie secret
# at most two malloc arenas (README, Production settings)
export MALLOC_ARENA_MAX=2
export STREAMLIT_SERVER_COOKIE_SECRET="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(32))')"
REPLIKA=""
PORTS=""
for i in $(seq 1 "$N"); do
  p="$(port_bebas)"
  "$PY" -m streamlit run app.py --server.address 127.0.0.1 --server.port "$p" \
    --server.headless true --server.fileWatcherType none --server.runOnSave false \
    --runner.postScriptGC false --client.showErrorDetails type --browser.gatherUsageStats false \
    >"$KERJA/replika-$i.log" 2>&1 &
  pids+=("$!")
  REPLIKA+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'
  PORTS+="$p "
done

# 3. nginx (its own prefix and pid file; workers as nobody when run as root)
mkdir -p "$KERJA/nginx/logs" "$KERJA/nginx/tmp"
chmod -R 777 "$KERJA/nginx/tmp"
{
  [ "$(id -u)" = 0 ] && echo "user nobody nogroup;"
  cat <<CONF
worker_processes 1;
pid $KERJA/nginx/nginx.pid;
error_log $KERJA/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $KERJA/nginx/logs/access.log;
  client_body_temp_path $KERJA/nginx/tmp/body;
  proxy_temp_path $KERJA/nginx/tmp/proxy;
  fastcgi_temp_path $KERJA/nginx/tmp/fastcgi;
  uwsgi_temp_path $KERJA/nginx/tmp/uwsgi;
  scgi_temp_path $KERJA/nginx/tmp/scgi;
  include /etc/nginx/mime.types;
CONF
  REPLIKA="$REPLIKA" "$PY" -c 'import os,sys; t=open("deploy/nginx-lkjip.conf").read(); print(t.replace("@PORT@", sys.argv[1]).replace("@REPLIKA@", os.environ["REPLIKA"].rstrip()))' "$PORT_NGINX"
  echo "}"
} >"$KERJA/nginx/nginx.conf"
"$NGINX" -p "$KERJA/nginx" -c "$KERJA/nginx/nginx.conf" -g "daemon on;"

# 4. wait until every replica answers
for p in $PORTS; do
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$p/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done
PORTS="${PORTS% }"
echo "SIAP http://127.0.0.1:$PORT_NGINX db=$LKJIP_DB replika=${PORTS// /,} folder=$KERJA"
echo "Dasbor: http://127.0.0.1:$PORT_NGINX  (Ctrl-C untuk berhenti; log di $KERJA)"
wait "${pids[@]}"
