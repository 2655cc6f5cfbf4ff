#!/usr/bin/env bash
# Hybrid index builds, timed with their peak resident memory: one 34 KB document (../shared/eval/squad/tune/
# Huguenot.txt) and the 11 train/ articles together, when ../shared is beside the repository; the built-in article
# otherwise (and it says so). CPU seconds are printed too: on a machine shared with other work, wall time alone
# says more about the neighbours than about the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
dotnet build src/QaService -c Release --nologo -v quiet >/dev/null
binary=src/QaService/bin/Release/net10.0/linux-x64/QaService
squad=../shared/eval/squad

build() { # label, [document files...]; none means the built-in article
  local folder; folder=$(mktemp -d)
  local arguments=(--Index:Path="$folder/index") i=0
  if (($# > 1)); then arguments+=(--Documents:IncludeBuiltIn=false); fi
  for file in "${@:2}"; do arguments+=("--Documents:Sources:$i:Path=$(realpath "$file")"); i=$((i + 1)); done
  /usr/bin/time -f "%e %U %S %M" -o "$folder/time" "$binary" index "${arguments[@]}" >"$folder/log" 2>&1 \
    || { cat "$folder/log"; rm -rf "$folder"; return 1; }
  awk -v label="$1" -v texts="$(grep -o 'embedded [0-9,]*' "$folder/log" | tail -1 | tr -d ,)" \
    '{printf "%-44s wall %6.1f s  cpu %6.1f s  peak RSS %5d MB  (%s texts)\n", label, $1, $2 + $3, $4 / 1024, substr(texts, 10)}' "$folder/time"
  rm -rf "$folder"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -d $squad ]]; then
  build "hybrid, tune/Huguenot.txt ($(($(wc -c <"$squad/tune/Huguenot.txt") / 1024)) KB)" "$squad/tune/Huguenot.txt"
  build "hybrid, the 11 train/ articles ($(($(cat "$squad"/train/*.txt | wc -c) / 1024)) KB)" "$squad"/train/*.txt
else
  echo "../shared/eval/squad not found: building the built-in article only"
  build "hybrid, built-in article"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
