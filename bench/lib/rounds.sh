# Whole-process timing shared by bench/startup.sh and bench/many-files.sh: each round runs every
# command once, in turn, so that a slow phase of a shared machine hits all of them alike; the
# scripts then print medians of wall time, CPU time (user + system) and peak RSS.
#
# The sourcing script sets: work (a scratch folder; its out/ and cdk.out/ are removed before each
# run so that every run writes its files afresh), runs (the number of rounds), and the arrays names
# and commands (one command line per name).

# One run of a command: "WALL_MS CPU_MS RSS_MIB". $2 is the highest exit status that still counts
# as a run (default 0; lint exits 1 when it finds problems, which a benchmark corpus may have).
measure() {
  local command="$1" allowed="${2:-0}" status=0
  rm -rf "$work/out" "$work/cdk.out"
  # shellcheck disable=SC2086
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' $command >/dev/null 2>"$work/stderr.txt" || status=$?
  if [ "$status" -gt "$allowed" ]; then
    echo "failed ($status): ${command:0:120}" >&2; cat "$work/stderr.txt" >&2; exit 1
  fi
  # time(1) writes "Command exited with non-zero status N" first when the command did.
  grep -v 'exited with non-zero' "$work/time.txt" | awk '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4 / 1024}'
}

source "bench/lib/common.sh"   # median

# Runs the rounds and fills wall, cpu and rss: for each command's index, its readings separated by
# spaces. $1 is passed to measure as the highest exit status that counts as a run.
run_rounds() {
  local allowed="${1:-0}" round i w c r
  declare -gA wall cpu rss
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M') UTC"
  for round in $(seq "$runs"); do
    for i in "${!names[@]}"; do
      read -r w c r <<<"$(measure "${commands[$i]}" "$allowed")"
      wall[$i]+="$w "; cpu[$i]+="$c "; rss[$i]+="$r "
    done
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
