#!/usr/bin/env bash
# Build + validate + write 1,000 definitions of 50 states in one JVM: RUNS fresh JVMs with one
# thread, then RUNS with two, each doing three rounds of the same work. Prints every run and the
# medians of the first round (cold JVM: class loading, JIT compilation and a heap still being
# touched for the first time) and of the third (steady state, as JMH measures after warm-up).
# Usage: bench/build-validate-write.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
mvn -B -q -o package -pl bench -am -DskipTests >/dev/null 2>&1 || mvn -B -q package -pl bench -am -DskipTests
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for threads in 1 2; do
  cold=()
  warm=()
  for _ in $(seq "$runs"); do
    rm -rf "${out:?}"/*
    lines="$(java -cp "$cp" io.statecraft.bench.BuildValidateWrite 1000 50 "$out" "$threads" 3 2>/dev/null)"
    echo "$lines"
    cold+=("$(sed -nE 's/^round 1: .* in ([0-9]+) ms/\1/p' <<<"$lines")")
    warm+=("$(sed -nE 's/^round 3: .* in ([0-9]+) ms/\1/p' <<<"$lines")")
  done
  echo "median with $threads thread(s): cold $(printf '%s\n' "${cold[@]}" | median) ms, warm $(printf '%s\n' "${warm[@]}" | median) ms (target: under 2000 ms)"
done
