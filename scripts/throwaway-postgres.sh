# Sourced by ./run-tests and bench/refresh-bench: start_postgres LOG_DIR starts a throwaway PostgreSQL on
# 127.0.0.1 (Debian's package; fsync off: test and bench data only), exports INERTIA_TEST_POSTGRES with its
# connection string, and stops and removes it when the calling script exits.
start_postgres() {
  # pg_bin, pg_run and pgdata stay global: the exit trap needs them.
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql): its tests will be skipped."
    return
  fi
  pgdata="$(mktemp -d /tmp/inertia-pg.XXXXXX)"
  pg_run=(sh -c)
  # Set before starting, so that even a failed or slow start is cleaned up when the script exits.
  stop_postgres() { "${pg_run[@]}" "$pg_bin/pg_ctl -D $pgdata -m immediate -w stop" >/dev/null 2>&1; rm -rf "$pgdata"; }
  trap stop_postgres EXIT
  local port
  for port in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$pgdata"
    pg_run=(su postgres -s /bin/sh -c)
  fi
  chmod 700 "$pgdata"
  "${pg_run[@]}" "$pg_bin/initdb -D $pgdata -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$1/postgres-init.log" 2>&1 &&
  "${pg_run[@]}" "$pg_bin/pg_ctl -D $pgdata -l $pgdata/server.log -w -t 30 -o \"-c listen_addresses=127.0.0.1 -p $port -k $pgdata -c fsync=off -c max_connections=300\" start" >>"$1/postgres-init.log" 2>&1 || {
    echo "PostgreSQL did not start (see $1/postgres-init.log): its tests will be skipped."
    return
  }
  export INERTIA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Timeout=30"
}
