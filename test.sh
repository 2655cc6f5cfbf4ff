#!/usr/bin/env bash
# Runs every test of QaService: installs what the tests need when it is missing (chromium for the browser test,
# redis-server for the shared-conversation tests, node and npm for the openai client test), builds in Release and prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# node and npm run the official openai client against /v1 (the test installs the pinned package into artifacts/).
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# One real redis-server for the shared-conversation tests, on a free loopback port, stopped however the script ends.
# (Run without this script, those tests start their own redis-server.)
redis_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
redis_pid_file="$(mktemp)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$redis_pid_file" --logfile /dev/null
trap 'kill "$(cat "$redis_pid_file")" 2>/dev/null || true; rm -f "$redis_pid_file"' EXIT
export QASERVICE_TEST_REDIS="127.0.0.1:$redis_port"

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build QaService.sln -c Release --nologo -v quiet
status=0
dotnet test QaService.sln -c Release --no-build --nologo \
  --logger "trx;LogFilePrefix=results" --results-directory "$results" || status=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
print(f"{passed} passed, {failed} failed")
PY
exit $status
