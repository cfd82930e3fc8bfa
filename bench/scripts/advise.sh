#!/usr/bin/env bash
# Index advisor timing: `dbx advise` on the shop fixture with the advisor's test workload and planted needs
# (tests/DatabaseExpert.Postgres.Tests/Advisor/Workload). Starts a throwaway PostgreSQL cluster (hypopg required),
# loads the fixture, plants the needs, then times the whole command with hyperfine: costing only, and with --verify.
# Prints the advice summary and a markdown table. RUNS=N for more runs (default 10).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
command -v jq >/dev/null || { echo "needs jq (apt-get install jq)" >&2; exit 2; }
bin="$(pg_config --bindir)"
[ -f "$(pg_config --sharedir)/extension/hypopg.control" ] || { echo "needs hypopg (apt-get install postgresql-$(pg_config --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')-hypopg)" >&2; exit 2; }

work="$(mktemp -d)"
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_server "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
as_server "$bin/pg_ctl" -D "$work/data" -w -l "$work/server.log" -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off" start >/dev/null
trap 'as_server "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT

psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
fixtures="$root/tests/DatabaseExpert.Testing/Postgres/Fixtures"
advisor="$root/tests/DatabaseExpert.Postgres.Tests/Advisor/Workload"
"${psql[@]}" -c 'create database shop'
"${psql[@]}" -d shop -f "$fixtures/shop.sql"
"${psql[@]}" -d shop -c 'vacuum analyze'
"${psql[@]}" -d shop -f "$advisor/shop-needs.sql"
"${psql[@]}" -d shop -c 'create extension hypopg'

dotnet publish "$root/src/DatabaseExpert.Cli" -c Release -o "$work/dbx" --nologo -v quiet >/dev/null
dbx="$work/dbx/dbx"
url="postgres://postgres@127.0.0.1:$port/shop"
cd "$advisor"
workload=shop-workload.sql

"$dbx" advise --db "$url" --workload "$workload" --verify --allow-writes --format json > "$work/advice.json"
jq -r '"queries \(.queries | length), candidates \(.candidatesConsidered), plans \(.plansCosted), "
  + "cost \(.workloadCostBefore) -> \(.workloadCostAfter), \(.recommendations | length) indexes, "
  + "\((.recommendations | map(.estimatedSizeBytes) | add) / 1048576 * 10 | round / 10) MB estimated"' "$work/advice.json"
jq -r '.verification.queries[] | "\(.source): \(.beforeMs) ms -> \(.afterMs) ms"' "$work/advice.json"
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown "$work/advise.md" \
  -n "dbx advise (20 queries)" "$dbx advise --db $url --workload $workload --format json" \
  -n "dbx advise --verify" "$dbx advise --db $url --workload $workload --verify --allow-writes --format json" >/dev/null
cat "$work/advise.md"
