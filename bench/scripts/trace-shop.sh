#!/usr/bin/env bash
# Cost of `dbx trace` on examples/shop, end to end (process start included): publishes dbx (Release, ReadyToRun) once,
# then runs each case RUNS times (default 5) and prints a markdown table of medians from the JSON timings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n1)"
dotnet publish "$root/src/DatabaseExpert.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/dbx" --nologo -v quiet >/dev/null
cd "$root"
shop=examples/shop
run_case() {
  local name="$1"; shift
  for i in $(seq "${RUNS:-5}"); do
    local start end
    start=$(date +%s%N)
    "$work/dbx/dbx" trace "$shop" "$@" --format json >"$work/$name.$i.json" || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >"$work/$name.$i.wall"
  done
}
run_case last1
run_case all --all
run_case seeded --from 0001 --seed "$shop/seed.sql"
python3 - "$work" <<'PY'
import glob, json, statistics, sys
work = sys.argv[1]
cases = [("last1", "`dbx trace examples/shop` (trace 0006; history 0000–0005)"),
         ("all", "`dbx trace examples/shop --all` (trace 0000–0006; no history)"),
         ("seeded", "`dbx trace examples/shop --from 0001 --seed …/seed.sql` (history 0000, 262k seed rows, trace 0001–0006)")]
print("| case | wall (process) | shadow start | history | seed | trace | per traced migration | per statement |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for key, label in cases:
    runs = sorted(glob.glob(f"{work}/{key}.*.json"))
    docs = [json.load(open(r)) for r in runs]
    walls = [int(open(r.replace(".json", ".wall")).read()) for r in runs]
    t = lambda k: statistics.median(d["summary"]["timingsMs"][k] for d in docs)
    files = docs[0]["summary"]["files"]
    statements = sum(len(f["statements"]) for f in docs[0]["files"])
    print(f"| {label} | {statistics.median(walls):.0f} ms | {t('connect'):.0f} ms | {t('history'):.0f} ms | {t('seed'):.0f} ms "
          f"| {t('trace'):.0f} ms | {t('trace') / files:.0f} ms | {t('trace') / statements:.1f} ms |")
# Snapshot overhead: file time minus the statements' own time, per statement, in the unseeded --all run.
over = []
for d in [json.load(open(r)) for r in sorted(glob.glob(f"{work}/all.*.json"))]:
    n = sum(len(f["statements"]) for f in d["files"])
    own = sum(s["durationMs"] for f in d["files"] for s in f["statements"])
    over.append((sum(f["durationMs"] for f in d["files"]) - own) / n)
print(f"\nTracer overhead (catalog snapshots, BEGIN/COMMIT, RESET) per statement, --all: median {statistics.median(over):.1f} ms")
PY
