#!/usr/bin/env bash
# lint, render and import of 1,000 definition files in one process each (issue 19: at most 3 s):
# the ~115 distinct definitions of this repository and the shared conformance corpus (reference
# workflows, golden files, executor comparison cases, statelint's valid examples), copied under
# numbered names up to 1,000 files. Each command runs as `java -jar statecraft.jar` and through the
# `statecraft` launcher script; RUNS rounds, alternated; medians of wall time, CPU time and RSS.
# import is timed only when it takes several files (`statecraft help import` says FILE...).
#
# Usage: bench/many-files.sh [RUNS]      (default 5)
# Needs: mvn -B -o -pl cli -am -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs="${1:-5}"
count=1000
work="$root/bench/target/many-files"
jar="$root/cli/target/statecraft.jar"
launcher="$root/cli/target/statecraft"
source "bench/lib/common.sh"
require_built "mvn -B -o -pl cli -am -DskipTests package" "$jar" "$launcher"
rm -rf "$work"
mkdir -p "$work/definitions"

mapfile -t sources < <( {
  find workflows/src/test/resources/golden generator/src/test/resources/golden testing/src/test/resources/compare \
    -name '*.asl.json'
  find "$root/../shared/conformance/statelint-awslabs/valid" -name '*.json' 2>/dev/null || true
} | sort)
for i in $(seq 0 $((count - 1))); do
  source="${sources[$((i % ${#sources[@]}))]}"
  cp "$source" "$work/definitions/$(printf '%04d' "$i")-$(basename "$source" .json | sed 's/\.asl$//').asl.json"
done
files=("$work"/definitions/*.asl.json)
echo "${#files[@]} files from ${#sources[@]} distinct definitions, $(du -sh "$work/definitions" | cut -f1)"

"$launcher" --help >/dev/null 2>&1   # the first run creates the class-data sharing archive

names=(lint-jar lint-launcher render-jar render-launcher)
commands=(
  "java -jar $jar lint $work/definitions"
  "$launcher lint $work/definitions"
  "java -jar $jar render --output-dir $work/out ${files[*]}"
  "$launcher render --output-dir $work/out ${files[*]}"
)
if java -jar "$jar" help import | grep -q 'FILE\.\.\.'; then
  names+=(import-jar import-launcher)
  commands+=(
    "java -jar $jar import --package bench.imported --output $work/out ${files[*]}"
    "$launcher import --package bench.imported --output $work/out ${files[*]}"
  )
else
  echo "import takes one file in this build: not timed" >&2
fi

source "bench/lib/rounds.sh"
run_rounds 1   # exit status 1: problems in some definitions, which the corpus has
printf '%-16s %8s %8s %8s   %s\n' program wall_ms cpu_ms rss_mib "runs (wall ms; target 3000)"
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  printf '%-16s %8d %8d %8d   %s\n' "${names[$i]}" "$(median ${wall[$i]})" "$(median ${cpu[$i]})" \
    "$(median ${rss[$i]})" "${wall[$i]}"
done
