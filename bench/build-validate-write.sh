#!/usr/bin/env bash
# Build + validate + write 1,000 definitions of 50 states in one JVM, five runs each with one and
# with two threads; prints every run and the medians. Usage: bench/build-validate-write.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
mvn -B -q -o package -pl bench -am -DskipTests >/dev/null 2>&1 || mvn -B -q package -pl bench -am -DskipTests
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for threads in 1 2; do
  times=()
  for _ in $(seq "$runs"); do
    line="$(java -cp "$cp" io.statecraft.bench.BuildValidateWrite 1000 50 "$out" "$threads" 2>/dev/null)"
    echo "$line"
    times+=("$(sed -E 's/.* in ([0-9]+) ms/\1/' <<<"$line")")
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  echo "median with $threads thread(s): $median ms (target: under 2000 ms)"
done
