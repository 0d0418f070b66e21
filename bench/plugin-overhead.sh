#!/usr/bin/env bash
# What statecraft:generate adds to a consumer build: `mvn -o process-resources` in a project that
# depends on a jar of three workflows (20, 30 and 40 states), against the same project without the
# plugin and against the same build with -Dstatecraft.skip (which still resolves and loads the
# plugin, so that difference is the goal's own work); RUNS rounds, each running the three builds in
# turn, and the medians. Measured twice: with the output up to date (the usual rebuild) and with
# target/statecraft deleted before each run (fresh output, as after `mvn clean`). The phase is
# process-resources, so that every build also runs maven-resources-plugin, as any real build does:
# a build with no other plugin would charge Statecraft for warming up Maven's own mojo machinery.
# Usage: bench/plugin-overhead.sh [RUNS]     (default 5)
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
# The same consumer without the plugin: its first <plugins> block (the one outside pluginManagement).
mkdir -p "$work/without"
awk '/<plugins>/ && !done { skipping = 1 } !skipping { print } /<\/plugins>/ && skipping { skipping = 0; done = 1 }' \
  "$work/consumer/pom.xml" > "$work/without/pom.xml"
maven=(mvn -B -s "$work/settings.xml" -Dmaven.repo.local="$repo" -Dstatecraft.version="$version")

echo "setup: installing statecraft $version and the workflows jar into $repo" >&2
"${maven[@]}" -q install -pl maven-plugin -am -DskipTests -Dinvoker.skip=true >/dev/null
"${maven[@]}" -q install -f "$work/flows/pom.xml" >/dev/null
"${maven[@]}" process-resources -f "$work/consumer/pom.xml" >/dev/null   # warm-up; resolves the plugins

# One build: prints "WALL_MS CPU_MS GOAL_MS" (CPU = user + system time of Maven's JVM and its
# children; GOAL = from the goal's "--- statecraft-maven-plugin:...:generate" line to the next
# goal's line in Maven's own time-stamped log: the goal alone, with its plugin's class realm, but
# without Maven's start, which varies between builds by more than the goal takes).
run() {
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S' "$@" -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS >"$work/build.log" 2>&1
  local goal
  goal="$(awk 'function ms(t, p) { split(t, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
    /\[INFO\] --- / && start != "" && end == "" { end = ms($1) }
    /\[INFO\] --- statecraft-maven-plugin:.*:generate/ { start = ms($1) }
    /BUILD SUCCESS/ && end == "" { end = ms($1) }
    END { if (end == "") exit 1; print (start == "" ? 0 : end - start) }' "$work/build.log")" \
    || { echo "no BUILD SUCCESS line in the build log:" >&2; cat "$work/build.log" >&2; exit 1; }
  awk -v goal="$goal" '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, goal}' "$work/time.txt"
}

source "bench/lib/common.sh"   # median

measure() {
  local label="$1" fresh="$2" i w c g
  local -a wall_on=() wall_off=() wall_none=() cpu_on=() cpu_off=() cpu_none=() goal_on=() goal_off=()
  for i in $(seq "$runs"); do
    if [ "$fresh" = yes ]; then rm -rf "$work/consumer/target/statecraft"; fi
    read -r w c g <<<"$(run "${maven[@]}" -o process-resources -f "$work/consumer/pom.xml")"
    wall_on+=("$w"); cpu_on+=("$c"); goal_on+=("$g")
    read -r w c g <<<"$(run "${maven[@]}" -o process-resources -f "$work/consumer/pom.xml" -Dstatecraft.skip)"
    wall_off+=("$w"); cpu_off+=("$c"); goal_off+=("$g")
    read -r w c g <<<"$(run "${maven[@]}" -o process-resources -f "$work/without/pom.xml")"
    wall_none+=("$w"); cpu_none+=("$c")
  done
  echo "$label, wall ms: with the plugin ${wall_on[*]}; skipped ${wall_off[*]}; without the plugin ${wall_none[*]}"
  echo "$label, CPU ms:  with the plugin ${cpu_on[*]}; skipped ${cpu_off[*]}; without the plugin ${cpu_none[*]}"
  echo "$label, goal ms (Maven's log): with the plugin ${goal_on[*]}; skipped ${goal_off[*]}"
  local on off none
  on="$(median "${wall_on[@]}")"; off="$(median "${wall_off[@]}")"; none="$(median "${wall_none[@]}")"
  echo "$label: median wall $on ms; without the plugin $none ms: the plugin adds $((on - none)) ms (target: at most $3 ms); skipped $off ms"
  on="$(median "${cpu_on[@]}")"; off="$(median "${cpu_off[@]}")"; none="$(median "${cpu_none[@]}")"
  echo "$label: median CPU $on ms; without the plugin $none ms: the plugin adds $((on - none)) ms; skipped $off ms"
  on="$(median "${goal_on[@]}")"; off="$(median "${goal_off[@]}")"
  echo "$label: median goal $on ms, skipped $off ms: the goal's own work $((on - off)) ms"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure "up to date" no 100
measure "fresh output" yes 300
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
