#!/usr/bin/env bash
# Cold start of the dbx binary: process start to exit, for commands that need no model and no database.
# Publishes Release twice (plain and ReadyToRun) and times both with hyperfine. Prints a markdown table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n1)"
dotnet publish "$root/src/DatabaseExpert.Cli" -c Release -o "$work/jit" --nologo -v quiet >/dev/null
dotnet publish "$root/src/DatabaseExpert.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/r2r" --nologo -v quiet >/dev/null
cd "$root"
for build in jit r2r; do
  hyperfine --warmup 3 --runs "${RUNS:-20}" --export-markdown "$work/$build.md" \
    -n "$build: dbx --version" "$work/$build/dbx --version" \
    -n "$build: dbx agent show" "$work/$build/dbx agent show" \
    -n "$build: dbx agent validate" "$work/$build/dbx agent validate" >/dev/null
  cat "$work/$build.md"; echo
done
