#!/usr/bin/env bash
# Load test on loopback with wrk (1 thread, 32 connections, as the performance table is measured): GET /healthz (the
# web server's own floor) and POST /api/ask with a different question each request, in the same run, for a BM25-only
# and a hybrid server. Prints requests/s, the ratio to /healthz, p50/p99 latency and the server's resident memory
# (now and at its peak). Each wrk run lasts DURATION seconds, after WARMUP seconds of asks (default 10).
#   PORT=5130 DURATION=10 tests/QaService.Benchmarks/load.sh
# Extra server settings or runtime knobs pass through the environment, e.g. DOTNET_GCHeapCount=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
PORT=${PORT:-5130}
CONNECTIONS=${CONNECTIONS:-32}
MODES=${MODES:-"bm25 hybrid"}
dotnet build src/QaService -c Release --nologo -v quiet >/dev/null
binary=src/QaService/bin/Release/net10.0/linux-x64/QaService
url="http://127.0.0.1:$PORT"

measure() { # key, label, path, [script]
  local key=$1; shift
  local out; out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${3:+-s "$3"} "$url$2")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-34s %10s rps  p50 %8s  p99 %8s%s\n' "$1" "$rps" "$p50" "$p99" "${errors:+  non-2xx $errors}"
  echo "$rps" >"$work/$key.rps"
}

memory() { # pid
  awk '/^VmRSS/ {rss = $2} /^VmHWM/ {hwm = $2} END {printf "resident %d MB, peak %d MB\n", rss / 1024, hwm / 1024}' "/proc/$1/status"
}

run() { # mode
  local dense=false; [[ $1 == hybrid ]] && dense=true
  "$binary" serve --urls "$url" --Index:Path="$work/index-$1" --Retrieval:Dense="$dense" >"$work/server-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -sf "$url/readyz" >/dev/null && break; sleep 0.5; done
  echo "== $1 (server pid $pid, $(memory "$pid") after start)"
  # Warm up with WARMUP seconds of the ask load itself, so the measured runs see what a server that has run a while
  # sees: its code compiled by the JIT's optimising tier. (Every question asked once was not enough: the first measured
  # run then spent its tail in the JIT, a BM25-only p99 of 35 ms against 10 ms once warm.)
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s tests/QaService.Benchmarks/ask.lua "$url/" >/dev/null
  measure "$1-healthz" "$1 GET /healthz" /healthz
  measure "$1-ask" "$1 POST /api/ask" / tests/QaService.Benchmarks/ask.lua
  [[ $1 == hybrid ]] && UNIQUE=1 measure "$1-unique" "$1 POST /api/ask, never repeated" / tests/QaService.Benchmarks/ask.lua
  awk -v a="$(cat "$work/$1-ask.rps")" -v h="$(cat "$work/$1-healthz.rps")" \
    'BEGIN {printf "%-34s %10.3f x /healthz\n", "'"$1"' ask / healthz", a / h}'
  echo "$1 server: $(memory "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
}

work=$(mktemp -d)
pid=
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in $MODES; do run "$mode"; done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
