#!/usr/bin/env bash
# Runs every test of the solution. On a Debian/Ubuntu machine it first installs what the tests need and is missing:
# hypopg for the PostgreSQL server found by pg_config, and tmux (the REPL is driven in a real terminal).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

need=()
if command -v pg_config >/dev/null; then
  pg_major="$(pg_config --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
  [ -f "$(pg_config --sharedir)/extension/hypopg.control" ] || need+=("postgresql-${pg_major}-hypopg")
fi
command -v tmux >/dev/null || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "test.sh: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

dotnet test DatabaseExpert.sln -c Release --nologo "$@"
