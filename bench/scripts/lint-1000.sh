#!/usr/bin/env bash
# dbx lint on 1,000 generated migration files, end to end (process start included), timed with hyperfine; squawk (npm
# squawk-cli) on the same files side by side when npm is available. Prints markdown tables and the ratio.
# FILES=1000 RUNS=10 SQUAWK=0 to change the corpus size, the number of runs, or skip squawk.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
files="${FILES:-1000}"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n1)"
# The same ReadyToRun publish that ./dbx builds.
dotnet publish "$root/src/DatabaseExpert.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/dbx" --nologo -v quiet >/dev/null
dotnet run -c Release --project "$root/bench/DatabaseExpert.Benchmarks" -- corpus "$work/corpus" "$files" | tail -n1
dbx="$work/dbx/dbx"
"$dbx" lint "$work/corpus" --format json >"$work/dbx.json" || true
python3 - "$work/dbx.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(f"dbx: {s['files']} files, {s['statements']} statements, {s['errors']} errors, {s['warnings']} warnings, "
      f"{s['infos']} infos, {s['notAnalysed']} not analysed, {s['durationMs']} ms inside the process")
PY
commands=(-n "dbx lint (text)" "$dbx lint $work/corpus --no-color" -n "dbx lint --format json" "$dbx lint $work/corpus --format json")
if [ "${SQUAWK:-1}" = 1 ] && command -v npm >/dev/null; then
  (cd "$work" && npm install --silent --no-audit --no-fund squawk-cli@2.66.0 >/dev/null 2>&1) || echo "squawk-cli could not be installed; timing dbx only" >&2
  if [ -x "$work/node_modules/.bin/squawk" ]; then
    native="$(find "$work/node_modules/@squawk-cli" -type f -name squawk | head -n1)"
    "$work/node_modules/.bin/squawk" --version
    commands+=(-n "squawk (npm shim)" "$work/node_modules/.bin/squawk $work/corpus/*.sql")
    [ -n "$native" ] && commands+=(-n "squawk (native binary)" "$native $work/corpus/*.sql")
  fi
fi
hyperfine --warmup 2 --runs "${RUNS:-10}" -i --export-markdown "$work/lint.md" --export-json "$work/lint.json" "${commands[@]}" >/dev/null
cat "$work/lint.md"
python3 - "$work/lint.json" <<'PY'
import json, sys
results = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
dbx = results["dbx lint (text)"]
for name, mean in results.items():
    if name.startswith("squawk"):
        print(f"{name} / dbx lint (text): {mean / dbx:.2f}x")
PY
