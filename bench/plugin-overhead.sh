#!/usr/bin/env bash
# Added time of statecraft:generate in a consumer build: `mvn -o -q generate-resources` in a
# project that depends on a jar of three workflows (20, 30 and 40 states), against the same build
# with -Dstatecraft.skip; RUNS runs of each, alternated, and the medians. Measured twice: with the
# output up to date (the usual rebuild) and with target/statecraft deleted before each run.
# Usage: bench/plugin-overhead.sh [RUNS]
#
# Everything is installed into a private local repository under bench/target/plugin-overhead
# (never ~/.m2); what is not built here is read from the real local repository through a
# file:// mirror, so no network is needed once the project has been built once.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs="${1:-5}"
work="$root/bench/target/plugin-overhead"
repo="$work/repo"
real_repo="${REAL_LOCAL_REPOSITORY:-$HOME/.m2/repository}"
version="$(sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' pom.xml | head -1)"   # statecraft-parent inherits the BOM's

rm -rf "$work/flows" "$work/consumer"
mkdir -p "$work"
sed "s#REAL_LOCAL_REPOSITORY_URL#file://$real_repo#" bench/plugin-overhead/settings.xml > "$work/settings.xml"
cp -r bench/plugin-overhead/flows bench/plugin-overhead/consumer "$work/"
maven=(mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" -Dstatecraft.version="$version")

echo "setup: installing statecraft $version and the workflows jar into $repo" >&2
"${maven[@]}" install -pl maven-plugin -am -DskipTests -Dinvoker.skip=true >/dev/null
"${maven[@]}" install -f "$work/flows/pom.xml" >/dev/null
"${maven[@]}" generate-resources -f "$work/consumer/pom.xml" >/dev/null   # warm-up; resolves the plugin

# One build: prints "WALL_MS CPU_MS" (CPU = user + system time of Maven's JVM and its children).
run() {
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S' "$@" >/dev/null 2>&1
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/time.txt"
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

measure() {
  local label="$1" fresh="$2" wall_on=() wall_off=() cpu_on=() cpu_off=() i on off
  for i in $(seq "$runs"); do
    if [ "$fresh" = yes ]; then rm -rf "$work/consumer/target/statecraft"; fi
    read -r on off <<<"$(run "${maven[@]}" -o generate-resources -f "$work/consumer/pom.xml")"
    wall_on+=("$on"); cpu_on+=("$off")
    read -r on off <<<"$(run "${maven[@]}" -o generate-resources -f "$work/consumer/pom.xml" -Dstatecraft.skip)"
    wall_off+=("$on"); cpu_off+=("$off")
  done
  echo "$label, wall ms: with the plugin ${wall_on[*]}; skipped ${wall_off[*]}"
  echo "$label, CPU ms:  with the plugin ${cpu_on[*]}; skipped ${cpu_off[*]}"
  on="$(median "${wall_on[@]}")"; off="$(median "${wall_off[@]}")"
  echo "$label: median wall $on ms vs $off ms: added $((on - off)) ms (target: at most 300 ms)"
  on="$(median "${cpu_on[@]}")"; off="$(median "${cpu_off[@]}")"
  echo "$label: median CPU $on ms vs $off ms: added $((on - off)) ms"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure "up to date" no
measure "fresh output" yes
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
