#!/usr/bin/env bash
# State transitions per second of the offline executor (statecraft-testing) against the
# independent interpreter aws-local-stepfunctions 3.0.0 (behind ../shared/tools/asl-run), on the
# same two definitions in the same run: a chain of 1,000 Pass states, and a Map over 10,000 items
# with one Pass state each. Each side builds and validates the state machine once, warms up for
# 3 s of CPU time and until three 200 ms samples agree within 10 %, then takes RUNS samples of at
# least 200 ms of process CPU time (all threads, so JIT and GC count), each giving the mean CPU time
# of one execution; the script prints every sample, the medians and their ratio. CPU time, unlike
# wall-clock time, holds still on a busy machine.
# Usage: bench/executor-throughput.sh [RUNS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
shared="${STATECRAFT_SHARED:-../shared}"
mvn -B -q -o package -pl bench -am -DskipTests >/dev/null 2>&1 || mvn -B -q package -pl bench -am -DskipTests
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# asl-run installs aws-local-stepfunctions on first use; run it once so that the library is there.
echo '{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}' >"$out/warm.json"
"$shared/tools/asl-run" "$out/warm.json" '{}' >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for scenario in "pass-chain 1000 1000" "map 10000 10001"; do
  read -r name size transitions <<<"$scenario"
  echo "== $name ($transitions state transitions per execution)"
  # -Xbatch: the JIT compiles in the foreground, so that warming up really ends with compiled code
  # (on a busy machine background compilation can lag far behind); node needs no such flag.
  ours="$(java -Xbatch -cp "$cp" io.statecraft.bench.ExecutorThroughput "$name" "$size" "$runs" "$out")"
  echo "$ours" | sed 's/^/statecraft /'
  theirs="$(node bench/asl-run-throughput.cjs "$out/$name.asl.json" "$out/$name.input.json" "$runs")"
  echo "$theirs" | sed 's/^/asl-run    /'
  our_ms="$(sed -E 's/.*: ([0-9.]+) ms.*/\1/' <<<"$ours" | median)"
  their_ms="$(sed -E 's/.*: ([0-9.]+) ms.*/\1/' <<<"$theirs" | median)"
  awk -v o="$our_ms" -v t="$their_ms" -v n="$transitions" 'BEGIN {
    printf "median: statecraft %.3f ms (%.0f transitions/s), asl-run %.3f ms (%.0f transitions/s), statecraft %.1fx faster\n",
      o, n / (o / 1000), t, n / (t / 1000), t / o }'
done
