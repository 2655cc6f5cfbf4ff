#!/usr/bin/env bash
# Damages the index of a real QaService process in the ways an operator has seen it damaged and counts, per case,
# the replies until the first correct answer. Each case should end in a correct answer after at most one 503.
#   tests/load/damaged-index.sh            (uses the Release build; PORT defaults to 5112)
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${PORT:-5112}"
work="$(mktemp -d)"
dll=src/QaService/bin/Release/net10.0/linux-x64/QaService.dll
[ -f "$dll" ] || dotnet build QaService.sln -c Release --nologo -v quiet
question='{"question":"Which Iranian president visited Pakistan?"}'
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

start() { dotnet "$dll" serve --urls "http://127.0.0.1:$port" --Index:Path="$work/index" --RateLimiting:Enabled=false >>"$work/server.log" 2>&1 & pid=$!; }
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
generation() { echo "$work/index/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Generation"])' "$work/index/current.json")"; }
flip() { python3 - "$1" "$2" <<'PY'
import sys
path, at = sys.argv[1], float(sys.argv[2])
data = bytearray(open(path, "rb").read())
middle = int(len(data) * at)
for i in range(max(0, middle - 32), min(len(data), middle + 32)):
    data[i] ^= 0xFF
open(path, "r+b").write(data)
PY
}
# Asks until a correct answer (at most 60 tries); prints the statuses seen on the way.
ask_until_correct() {
  local seen=()
  for _ in $(seq 60); do
    local reply status
    reply="$(curl -s -w '\n%{http_code}' -X POST "http://127.0.0.1:$port/api/ask" -H 'Content-Type: application/json' -d "$question" || echo -e '\n000')"
    status="$(tail -n1 <<<"$reply")"
    seen+=("$status")
    if [ "$status" = 200 ] && grep -q Pezeshkian <<<"$reply"; then echo "${seen[*]}"; return; fi
    sleep 0.5
  done
  echo "${seen[*]} (no correct answer)"
}
wait_listening() { for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && return; sleep 0.2; done; }

start; wait_listening; ask_until_correct >/dev/null
report() { printf '%-58s %s\n' "$1" "$2"; }
for offset in 0.1 0.5 0.9; do
  stop; flip "$(generation)/_0.cfs" "$offset"; start; wait_listening
  report "64 bytes flipped in _0.cfs at ${offset}, restart:" "$(ask_until_correct)"
done
for file in _0.cfe _0.si segments_1 segments.gen; do
  stop; flip "$(generation)/$file" 0.5; start; wait_listening
  report "64 bytes flipped in $file, restart:" "$(ask_until_correct)"
done
stop; truncate -s 3800 "$(generation)/_0.cfs"; start; wait_listening
report "_0.cfs truncated to 3,800 bytes, restart:" "$(ask_until_correct)"
stop; rm "$(generation)/_0.si"; start; wait_listening
report "_0.si deleted, restart:" "$(ask_until_correct)"
stop; printf '{ this is not json \0' >"$work/index/current.json"; start; wait_listening
report "garbage current.json, restart:" "$(ask_until_correct)"
ask_until_correct >/dev/null
truncate -s 3800 "$(generation)/_0.cfs"
report "_0.cfs truncated to 3,800 bytes while serving:" "$(ask_until_correct)"
truncate -s 200 "$(generation)/_0.cfs"
report "_0.cfs truncated to 200 bytes while serving:" "$(ask_until_correct)"
flip "$(generation)/_0.cfs" 0.5
report "64 bytes flipped in _0.cfs while serving:" "$(ask_until_correct)"
echo "server log: $(grep -c ' 500 \|StatusCode: 500' "$work/server.log" || true) replies with status 500"
