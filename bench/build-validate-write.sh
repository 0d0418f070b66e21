#!/usr/bin/env bash
# Build + validate + write 1,000 definitions of 50 states (JMH, BuildValidateWriteBenchmark), with
# one thread and with two. Two readings each, as medians:
#   cold: one batch in each of RUNS fresh JVMs (class loading, JIT compilation and a heap touched
#         for the first time all count), as a build starting from nothing;
#   warm: RUNS batches in one JVM after five warm-up batches, JMH's usual steady state.
# Usage: bench/build-validate-write.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
mvn -B -q -o package -pl bench -am -DskipTests >/dev/null 2>&1 || mvn -B -q package -pl bench -am -DskipTests
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
jmh() { java -cp "$cp" org.openjdk.jmh.Main BuildValidateWriteBenchmark "$@" 2>/dev/null; }
# JMH prints one "Iteration N: T ms/op" line per measured batch.
times() { sed -nE 's/^Iteration +[0-9]+: +([0-9.]+) ms\/op/\1/p'; }
median() { sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]}'; }
for threads in 1 2; do
  cold="$(jmh -p threads="$threads" -wi 0 -i 1 -f "$runs" | times)"
  warm="$(jmh -p threads="$threads" -wi 5 -i "$runs" -f 1 | times)"
  echo "threads=$threads cold (ms): $(echo $cold)"
  echo "threads=$threads warm (ms): $(echo $warm)"
  echo "median with $threads thread(s): cold $(median <<<"$cold") ms, warm $(median <<<"$warm") ms (target: under 2000 ms)"
done
