#!/usr/bin/env bash
# The plugin's fresh generation without Maven (issue 19: at most 0.3 s added to a build): a cold JVM
# loads bench/plugin-overhead's three workflows (20, 30 and 40 states) and calls Generation.run, as
# statecraft:generate does after `mvn clean`, with the JVM's default flags (as Maven's JVM has), with
# C1 only, and an empty JVM on the same class path to subtract. RUNS rounds, alternated; medians.
# Steadier than bench/plugin-overhead.sh on a loaded machine, where Maven's own start varies by more
# than the plugin adds.
#
# Usage: bench/fresh-generation.sh [RUNS]     (default 5)
# Environment: BASELINE_JAR=FILE adds the same fresh generation with another build's statecraft.jar.
# Needs: mvn -B -o -pl cli,bench -am -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs="${1:-5}"
work="$root/bench/target/fresh-generation"
jar="$root/cli/target/statecraft.jar"
source "bench/lib/common.sh"
require_built "mvn -B -o -pl cli,bench -am -DskipTests package" "$jar" "$root/bench/target/classes"
rm -rf "$work"
mkdir -p "$work/flows"
javac -nowarn -d "$work/flows" -cp "$jar" $(find bench/plugin-overhead/flows/src/main/java -name '*.java')
flows="bench.flows.Orders bench.flows.Refunds bench.flows.Reports"
main=io.statecraft.bench.startup.FreshGeneration
names=(empty-jvm fresh fresh-c1)
commands=(
  "java -cp $jar:$root/bench/target/classes $main"
  "java -cp $jar:$root/bench/target/classes $main $work/flows $work/out $flows"
  "java -XX:TieredStopAtLevel=1 -cp $jar:$root/bench/target/classes $main $work/flows $work/out $flows"
)
if [ -n "${BASELINE_JAR:-}" ]; then
  names+=(fresh-baseline)
  commands+=("java -cp $BASELINE_JAR:$root/bench/target/classes $main $work/flows $work/out $flows")
fi

source "bench/lib/rounds.sh"
run_rounds 0
# shellcheck disable=SC2086
empty="$(median ${cpu[0]})"
printf '%-16s %8s %8s %8s %14s   %s\n' program wall_ms cpu_ms rss_mib "cpu-empty_ms" "runs (cpu ms)"
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  c="$(median ${cpu[$i]})"
  # shellcheck disable=SC2086
  printf '%-16s %8d %8d %8d %14d   %s\n' "${names[$i]}" "$(median ${wall[$i]})" "$c" "$(median ${rss[$i]})" \
    "$((c - empty))" "${cpu[$i]}"
done
