#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + PostGIS cluster for tests and benchmarks, on 127.0.0.1 only.
#   .ci/postgres.sh start [PORT]   → prints the URL (postgres://postgres@127.0.0.1:PORT/blo_atlas)
#   .ci/postgres.sh stop  [PORT]
#   .ci/postgres.sh pause|resume [PORT]   → stops / restarts the server, keeping its data (outage tests)
# Needs the Debian packages postgresql-15 and postgresql-15-postgis-3. Runs the server as the
# `postgres` user (initdb refuses root), durability off: the data is disposable.
set -euo pipefail
cmd=${1:?usage: postgres.sh start|stop [port]}
port=${2:-55432}
bin=/usr/lib/postgresql/15/bin
dir=/tmp/blo-atlas-pg-$port
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

serve() {
  run "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB -c shared_buffers=512MB -c maintenance_work_mem=512MB -c work_mem=32MB -c max_connections=200" \
    start >/dev/null
}

case "$cmd" in
  start)
    [ -x "$bin/initdb" ] || { echo "postgres.sh: $bin/initdb not found (install postgresql-15-postgis-3)" >&2; exit 1; }
    if [ -f "$dir/postmaster.pid" ]; then run "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    run "$bin/initdb" -D "$dir" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
    serve
    run "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres blo_atlas
    run "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d blo_atlas -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/blo_atlas"
    ;;
  stop)
    [ -d "$dir" ] && run "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  pause) run "$bin/pg_ctl" -D "$dir" -w -m fast stop >/dev/null ;;
  resume) serve ;;
  *) echo "usage: postgres.sh start|stop|pause|resume [port]" >&2; exit 2 ;;
esac
