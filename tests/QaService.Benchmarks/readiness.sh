#!/usr/bin/env bash
# Time from process start to the first 200 of /readyz, with the index and its embeddings already on disk:
# one start to build them, then RUNS timed starts (median printed), hybrid and BM25-only.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
PORT=${PORT:-5092}
dotnet build src/QaService -c Release --nologo -v quiet
dll=src/QaService/bin/Release/net10.0/linux-x64/QaService.dll

start_until_ready() { # index folder, dense; prints milliseconds
  local began; began=$(date +%s%N)
  dotnet "$dll" serve --urls "http://127.0.0.1:$PORT" --Index:Path="$1" --Retrieval:Dense="$2" >/dev/null 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "QaService exited before it was ready" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - began) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for dense in true false; do
  folder=$(mktemp -d)
  start_until_ready "$folder" "$dense" >/dev/null
  times=()
  for _ in $(seq 1 "$RUNS"); do times+=("$(start_until_ready "$folder" "$dense")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  echo "Retrieval:Dense=$dense  ready after (ms): ${times[*]}  median $median"
  rm -rf "$folder"
done
