# Helpers every bench/ script shares; sourced from the repository's root.

# The median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# Stops with exit status 2, saying what to build, when a file a benchmark needs is missing.
# Usage: require_built "mvn -B -o -pl cli,bench -am -DskipTests package" FILE...
require_built() {
  local build="$1" needed
  shift
  for needed in "$@"; do
    [ -e "$needed" ] || { echo "missing $needed: run $build first" >&2; exit 2; }
  done
}
