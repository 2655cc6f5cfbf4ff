#!/usr/bin/env bash
# Load test on loopback with wrk: GET /healthz (the framework's floor) as the baseline, then POST /api/ask,
# hybrid and BM25-only, in the same run. Bounded: each wrk run lasts DURATION seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DURATION=${DURATION:-10}
PORT=${PORT:-5091}
dotnet build src/QaService -c Release --nologo -v quiet
dll=src/QaService/bin/Release/net10.0/linux-x64/QaService.dll

run() { # name, dense
  local folder; folder=$(mktemp -d)
  # One wrk client hammers /api/ask: the per-client rate limiter is off for the measurement.
  dotnet "$dll" serve --urls "http://127.0.0.1:$PORT" --Index:Path="$folder" --Retrieval:Dense="$2" --RateLimiting:Enabled=false \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Warning >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
  curl -s -X POST -H 'Content-Type: application/json' -d '{"question":"warm up"}' "http://127.0.0.1:$PORT/api/ask" >/dev/null
  echo "== $1: GET /healthz"
  wrk -t2 -c16 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/healthz" | grep -E "Requests/sec|^ +(50|99)%"
  echo "== $1: POST /api/ask"
  wrk -t2 -c16 -d"${DURATION}s" --latency -s tests/QaService.Benchmarks/ask.lua "http://127.0.0.1:$PORT" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$folder"
}

run "BM25 only" false
run "hybrid" true
