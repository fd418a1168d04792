#!/usr/bin/env bash
# A throw-away PostgreSQL cluster from Debian's package, for the PostgreSQL tests and benchmarks.
#
#   scripts/pg-test-cluster.sh start [--durable]   prints DATABASE_URL=… and PG_CLUSTER_DIR=…
#   scripts/pg-test-cluster.sh stop DIR            stops it (immediate) and deletes DIR
#
# The cluster lives in a new temporary directory, listens on 127.0.0.1 on a free port (its socket in
# the same directory) and trusts local connections: it is for tests on this machine only. Without
# --durable it runs with fsync off (nothing in the tests crashes PostgreSQL itself; the replica
# crash test kills Switchyard servers, not the database). --durable keeps PostgreSQL's defaults
# (what the benchmarks measure).
#
# PostgreSQL is installed with apt-get when it is missing and this runs as root (as
# scripts/ensure-chromium.sh does for Chromium); otherwise it says how. PG_BINDIR overrides where
# initdb and pg_ctl are looked for.
set -euo pipefail

usage() {
  echo "usage: $0 start [--durable] | stop DIR" >&2
  exit 2
}

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/initdb" ] && echo "$PG_BINDIR"
    return 0
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    echo "$d"
    return 0
  fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
  fi
}

# Runs a command as the cluster's owner: postgres when we are root (PostgreSQL refuses to run as
# root), ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

ensure_postgres() {
  local bindir
  bindir=$(find_bindir)
  if [ -n "$bindir" ]; then
    echo "$bindir"
    return 0
  fi
  if [ -n "${PG_BINDIR:-}" ]; then
    echo "PG_BINDIR is set to '$PG_BINDIR', but there is no initdb in it." >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    echo "PostgreSQL is missing: installing Debian's postgresql package (about 30 s)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bindir=$(find_bindir)
    if [ -z "$bindir" ]; then
      echo "apt-get finished but initdb is still missing under /usr/lib/postgresql/*/bin." >&2
      exit 1
    fi
    echo "Installed PostgreSQL ($("$bindir/postgres" --version))." >&2
    echo "$bindir"
    return 0
  fi
  cat >&2 <<MSG
The PostgreSQL tests need PostgreSQL's server programs (initdb, pg_ctl), and they are not installed.
Install them with:

  sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql

or point PG_BINDIR at a directory that has initdb and pg_ctl. (The tests start a throw-away
cluster of their own in a temporary directory; they never touch another database.)
MSG
  exit 1
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local durable=0
  [ "${1:-}" = "--durable" ] && durable=1
  local bindir dir port settings
  bindir=$(ensure_postgres)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/switchyard-pg-XXXXXX")
  chmod 0755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "Running as root, but there is no 'postgres' user to own the cluster (Debian's package creates it)." >&2
      exit 1
    fi
    chown postgres "$dir"
  fi
  as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  settings="-c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=64MB"
  if [ "$durable" -eq 0 ]; then
    settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$(( 20000 + RANDOM % 40000 ))
    port_free "$port" || continue
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-p $port -k $dir $settings" start >/dev/null 2>&1; then
      echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
      echo "PG_CLUSTER_DIR=$dir"
      echo "PG_BINDIR=$bindir"
      return 0
    fi
  done
  echo "PostgreSQL did not start; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "no cluster in '$dir'" >&2; exit 1; }
  local bindir
  bindir=$(find_bindir)
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) usage ;;
esac
