#!/usr/bin/env bash
# Every ratio of issue 19 from one command: runs bench/startup.sh, bench/plugin-overhead.sh and
# bench/many-files.sh with RUNS rounds each (their full tables go to bench/target/all/), then prints
# one table: each target, what was measured in this run, and whether it is met.
#
# Usage: bench/all.sh [RUNS]     (default 5; about 15 minutes at 5 on two quiet cores)
# Needs:  mvn -B -o -pl cli,bench -am -DskipTests package
#         bench/cdk/build.sh     (optional: without it the CDK rows say "not built")
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
out="bench/target/all"
mkdir -p "$out"

echo "bench/all.sh $runs: $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "startup (bench/startup.sh $runs) -> $out/startup.txt" >&2
bench/startup.sh "$runs" > "$out/startup.txt"
echo "Maven plugin (bench/plugin-overhead.sh $runs) -> $out/plugin-overhead.txt" >&2
bench/plugin-overhead.sh "$runs" > "$out/plugin-overhead.txt" 2>&1
echo "1,000 files (bench/many-files.sh $runs) -> $out/many-files.txt" >&2
bench/many-files.sh "$runs" > "$out/many-files.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# column COLUMN PROGRAM FILE: a column of a program's row in a table whose first column names it.
column() {
  awk -v program="$2" -v column="$1" '$1 == program { print $column; found = 1 } END { if (!found) print "" }' "$3"
}
# ratio A B: A / B to two places, or empty when either is missing.
ratio() {
  if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; fi
}
# row TARGET MEASURED TEST: TEST is an awk condition on m (the measured number).
row() {
  local met
  if [ -z "$2" ]; then
    met="not built"
  else
    met="$(awk -v m="$2" "BEGIN { print (($3) ? \"met\" : \"MISSED\") }")"
  fi
  printf '%-62s %10s   %s\n' "$1" "${2:--}" "$met"
}

s="$out/startup.txt"
floor_wall="$(column 2 floor "$s")"; floor_cpu="$(column 3 floor "$s")"
echo
printf '%-62s %10s   %s\n' target measured verdict
for way in launcher jar; do
  suffix="-launcher"; label="launcher"
  if [ "$way" = jar ]; then suffix=""; label="java -jar"; fi
  for command in generate lint; do
    row "$command ($label): wall <= 1.5x the floor's" "$(column 5 "$command$suffix" "$s")" "m <= 1.5"
    row "$command ($label): CPU <= 1.5x the floor's" "$(column 6 "$command$suffix" "$s")" "m <= 1.5"
    row "$command ($label): peak RSS <= 96 MiB" "$(column 4 "$command$suffix" "$s")" "m <= 96"
  done
done
cdk_wall="$(column 2 cdk "$s")"; cdk_novalidation_wall="$(column 2 cdk-novalidation "$s")"
for way in generate-launcher generate; do
  wall="$(column 2 "$way" "$s")"
  row "CDK synth wall / $way wall >= 10" "$(ratio "$cdk_wall" "$wall")" "m >= 10"
  row "CDK synth (CDK_VALIDATION=false) wall / $way wall >= 3" "$(ratio "$cdk_novalidation_wall" "$wall")" "m >= 3"
  row "CDK synth peak RSS / $way peak RSS >= 5" \
    "$(ratio "$(column 4 cdk "$s")" "$(column 4 "$way" "$s")")" "m >= 5"
done

p="$out/plugin-overhead.txt"
goal() { sed -n "s/^$1: median goal .*the goal's own work \(-\{0,1\}[0-9]*\) ms.*/\1/p" "$p"; }
whole() { sed -n "s/^$1: median wall .*the plugin adds \(-\{0,1\}[0-9]*\) ms.*/\1/p" "$p"; }
row "plugin, fresh output: the goal's work <= 300 ms" "$(goal "fresh output")" "m <= 300"
row "plugin, up to date: the goal's work <= 100 ms" "$(goal "up to date")" "m <= 100"
row "plugin, fresh output: whole build against none <= 300 ms" "$(whole "fresh output")" "m <= 300"
row "plugin, up to date: whole build against none <= 100 ms" "$(whole "up to date")" "m <= 100"

m="$out/many-files.txt"
for program in lint-launcher render-launcher import-launcher lint-jar render-jar import-jar; do
  row "1,000 files, $program: wall <= 3000 ms" "$(column 2 "$program" "$m")" "m <= 3000"
done
echo
echo "floor: $floor_wall ms wall, $floor_cpu ms CPU; full tables in $out/"
