#!/usr/bin/env bash
# Whole-process start-up of issue 19: the floor (a JVM that builds a CloudFormation-shaped map and
# writes 51 KB of JSON with Jackson) against `statecraft generate` of bench's OrderNotice workflow
# and `statecraft lint` of its definition, each as `java -jar statecraft.jar` and through the
# `statecraft` launcher script (class-data sharing), and the CDK app of bench/cdk when it is built.
# RUNS rounds, each running every program once in turn (so a slow phase of the shared machine
# hits all of them), then the medians of wall time, CPU time (user + system) and peak RSS, and
# the ratios to the floor.
#
# Usage: bench/startup.sh [RUNS]          (default 5)
#        bench/startup.sh classes         classes loaded by each program, by package
# Environment: STARTUP_BASELINE=DIR adds generate through DIR/statecraft (a copy of an earlier
# build's cli/target: statecraft and statecraft.jar), alternated with the others, to compare two
# builds in one run; STARTUP_CDK=off leaves the CDK app out even when it is built.
# Needs: mvn -B -o -pl cli,bench -am -DskipTests package   (and bench/cdk/build.sh for CDK)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs="${1:-5}"
work="$root/bench/target/startup"
jar="$root/cli/target/statecraft.jar"
launcher="$root/cli/target/statecraft"
source "bench/lib/common.sh"
require_built "mvn -B -o -pl cli,bench -am -DskipTests package" \
  "$jar" "$root/bench/target/classpath.txt" "$root/bench/target/classes"
rm -rf "$work"
mkdir -p "$work"

bench_path="$(cat "$root/bench/target/classpath.txt")"
only() { tr ':' '\n' <<<"$bench_path" | grep -E "$1" | paste -sd: -; }
floor_cp="$root/bench/target/classes:$(only '/jackson-(core|databind|annotations)/')"
# What a user's workflow module brings: its classes, statecraft-aws and the SDK models it calls.
workflow_cp="$root/bench/target/classes:$(only 'statecraft-aws|/dynamodb/|/sns/')"
workflow=io.statecraft.bench.startup.OrderNotice
definition="$work/order-notice.asl.json"

# The definition that lint reads: the one generate writes, generated once here.
java -jar "$jar" generate --class "$workflow" --classpath "$workflow_cp" --output "$work/seed" 2>/dev/null
cp "$work/seed/order-notice/definition.asl.json" "$definition"

names=(floor generate lint)
commands=(
  "java -cp $floor_cp io.statecraft.bench.startup.Floor $work/floor.json"
  "java -jar $jar generate --class $workflow --classpath $workflow_cp --output $work/out"
  "java -jar $jar lint $definition"
)
if [ -x "$launcher" ]; then
  "$launcher" lint "$definition" >/dev/null 2>&1   # the first run creates the CDS archive
  names+=(generate-launcher lint-launcher)
  commands+=(
    "$launcher generate --class $workflow --classpath $workflow_cp --output $work/out"
    "$launcher lint $definition"
  )
fi
baseline="${STARTUP_BASELINE:-}"
if [ -n "$baseline" ]; then
  "$baseline/statecraft" lint "$definition" >/dev/null 2>&1   # its own archive, made once
  names+=(generate-baseline-launcher generate-baseline)
  commands+=(
    "$baseline/statecraft generate --class $workflow --classpath $workflow_cp --output $work/out"
    "java -jar $baseline/statecraft.jar generate --class $workflow --classpath $workflow_cp --output $work/out"
  )
fi
cdk_app="$root/bench/cdk/target"
if [ "${STARTUP_CDK:-on}" != off ] && [ -f "$cdk_app/classpath.txt" ] && command -v node >/dev/null; then
  cdk_cp="$cdk_app/classes:$(cat "$cdk_app/classpath.txt")"
  names+=(cdk cdk-novalidation)
  commands+=(
    "env CDK_OUTDIR=$work/cdk.out java -cp $cdk_cp bench.cdk.OrderNoticeApp"
    "env CDK_OUTDIR=$work/cdk.out CDK_VALIDATION=false java -cp $cdk_cp bench.cdk.OrderNoticeApp"
  )
fi

if [ "$runs" = classes ]; then
  for i in "${!names[@]}"; do
    rm -rf "$work/out"
    # shellcheck disable=SC2086
    JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/${names[$i]}.classes" ${commands[$i]} >/dev/null 2>&1 || true
    total="$(grep -c 'source:' "$work/${names[$i]}.classes" || true)"
    echo "${names[$i]}: $total classes loaded; by package (first three parts):"
    grep 'source:' "$work/${names[$i]}.classes" | sed -E 's/.*\] ([^ ]+) source.*/\1/' \
      | awk -F. '{ n = (NF > 3 ? 3 : NF - 1); p = $1; for (k = 2; k <= n; k++) p = p "." $k; print p }' \
      | sort | uniq -c | sort -rn | head -12
  done
  exit 0
fi

source "bench/lib/rounds.sh"
run_rounds 0

# shellcheck disable=SC2086
floor_wall="$(median ${wall[0]})"; floor_cpu="$(median ${cpu[0]})"; floor_rss="$(median ${rss[0]})"
printf '%-18s %8s %8s %8s %7s %7s %7s   %s\n' program wall_ms cpu_ms rss_mib wall/f cpu/f rss/f "runs (wall ms)"
for i in "${!names[@]}"; do
  # shellcheck disable=SC2086
  w="$(median ${wall[$i]})"; c="$(median ${cpu[$i]})"; r="$(median ${rss[$i]})"
  printf '%-18s %8d %8d %8d %7.2f %7.2f %7.2f   %s\n' "${names[$i]}" "$w" "$c" "$r" \
    "$(bc -l <<<"$w / $floor_wall")" "$(bc -l <<<"$c / $floor_cpu")" "$(bc -l <<<"$r / $floor_rss")" "${wall[$i]}"
done
