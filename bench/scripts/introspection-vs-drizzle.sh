#!/usr/bin/env bash
# Introspection time, side by side on the SAME databases: `dbx schema` against `drizzle-kit pull`, at 30 / 500 /
# 2,000 tables (bench/scripts/make-tables.sql). Starts a throwaway PostgreSQL cluster, publishes dbx (Release,
# ReadyToRun), installs the peers into bench/.peers (git-ignored) when missing, and prints a markdown table.
#   SIZES="30 500 2000"   table counts            RUNS=5            dbx runs per size (the median is reported)
#   DRIZZLE_TIMEOUT=900   seconds before a drizzle-kit pull is stopped and reported as "> N s"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes="${SIZES:-30 500 2000}"
runs="${RUNS:-5}"
cap="${DRIZZLE_TIMEOUT:-900}"
for tool in psql node npm python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

bin="${PG_BIN:-$(pg_config --bindir 2>/dev/null || true)}"
[ -x "$bin/initdb" ] || bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found; set PG_BIN" >&2; exit 2; }
as_pg=(); [ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)

work="$(mktemp -d)"
[ "$(id -u)" = 0 ] && chown postgres "$work"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cleanup() { "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"${as_pg[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -w -l "$work/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c synchronous_commit=off" start >/dev/null
export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres

peers="$root/bench/.peers"
if [ ! -x "$peers/node_modules/.bin/drizzle-kit" ]; then
  mkdir -p "$peers"
  (cd "$peers" && npm i --no-audit --no-fund drizzle-kit@0.31 drizzle-orm@0.45 pg >/dev/null 2>&1)
fi
drizzle_version="$(node -p "require('$peers/node_modules/drizzle-kit/package.json').version")"

# Published the way ./dbx does (ReadyToRun): what a user runs.
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n1)"
dotnet publish "$root/src/DatabaseExpert.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/dbx" --nologo -v quiet >/dev/null
dbx="$work/dbx/dbx"

now() { date +%s.%N; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), drizzle-kit $drizzle_version, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; dbx runs per size: $runs (median)"
echo
echo "| tables | dbx schema --format json | dbx catalog queries | drizzle-kit pull | drizzle-kit / dbx |"
echo "|---:|---:|---:|---:|---:|"
for n in $sizes; do
  db="tables_$n"
  createdb "$db"
  psql -q -v ON_ERROR_STOP=1 -v n="$n" -d "$db" -f "$root/bench/scripts/make-tables.sql" >/dev/null
  url="postgres://postgres@127.0.0.1:$port/$db"

  times=()
  for _ in $(seq "$runs"); do
    start="$(now)"; "$dbx" schema --format json --db "$url" >"$work/schema.json"; end="$(now)"
    times+=("$(seconds "$start" "$end")")
  done
  dbx_s="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  queries="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['queries'])" "$work/schema.json")"

  mkdir -p "$work/drizzle-$n"
  printf 'export default { dialect: "postgresql", out: "%s", dbCredentials: { url: "%s" } };\n' "$work/drizzle-$n/out" "$url" >"$work/drizzle-$n/drizzle.config.ts"
  start="$(now)"
  rc=0
  (cd "$peers" && timeout "$cap" npx --no-install drizzle-kit pull --config="$work/drizzle-$n/drizzle.config.ts" </dev/null >"$work/drizzle-$n/log" 2>&1) || rc=$?
  end="$(now)"
  ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.0f}×')" "$1" "$dbx_s"; }
  if [ "$rc" = 0 ]; then
    pull_s="$(seconds "$start" "$end")"; pull="$pull_s s"; ratio="$(ratio "$pull_s")"
  elif [ "$rc" = 124 ]; then
    pull="> $cap s (stopped)"; ratio="> $(ratio "$cap")"
  else
    pull="failed (exit $rc, see below)"; ratio="–"; tail -n 5 "$work/drizzle-$n/log" >&2
  fi
  echo "| $n | $dbx_s s | $queries | $pull | $ratio |"
done
echo
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
