#!/usr/bin/env bash
# Runs a corpus of definitions through Statecraft's executor (statecraft run) and through the
# independent interpreter asl-run (aws-local-stepfunctions), with the same input and mocks, and
# reports how many agree. Agreement: both succeed with equal output JSON, or both fail with the
# same error name. Cases where asl-run contradicts the AWS documentation are listed in
# ../shared/tools/asl-run-deviations.md; they are counted as documented deviations, not bugs.
#
# Usage: scripts/compare-with-asl-run.sh [--verbose]
# Corpus: ../shared/conformance/statelint-awslabs/valid/*.json (input {}, unmocked tasks echo their
# input in both), and testing/src/test/resources/compare/NAME.asl.json with NAME.input.json and an
# optional NAME.mocks.json (dev-Dnn-* cases are the documented deviations).
# Exit: 0 when every difference is a documented deviation, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${STATECRAFT_SHARED:-../shared}"
asl_run="$shared/tools/asl-run"
verbose=false
[[ "${1:-}" == "--verbose" ]] && verbose=true

jar=cli/target/statecraft.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find testing/src/main cli/src/main -newer "$jar" -name '*.java' -print -quit)" ]]; then
  mvn -B -q -o package -pl cli -am -DskipTests >/dev/null 2>&1 || mvn -B -q package -pl cli -am -DskipTests
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Differences in behaviour the AWS documentation leaves open (file name -> reason); counted apart.
declare -A known=(
  [minimal-fail-state]="U: a Fail state without Error; AWS reports no error name, asl-run invents FailStateError"
  [succeed-with-comment-in-catcher]="U: a Fail state without Error; AWS reports no error name, asl-run invents FailStateError"
)

agree=0; documented=0; disagree=0; skipped=0; total=0
disagreements=()

compare() { # name definition input-file mocks-file-or-empty deviation-id-or-empty
  local name="$1" def="$2" input="$3" mocks="$4" deviation="$5"
  local ours theirs our_status=0 their_status=0
  local mock_args=()
  [[ -n "$mocks" ]] && mock_args=(--mocks "$mocks")
  ours="$(java -jar "$jar" run "$def" --input "@$input" --echo-unmocked "${mock_args[@]}" 2>"$work/our.err")" || our_status=$?
  # --no-arn-check: asl-run's own validator rejects Resource ARNs the service accepts.
  theirs="$("$asl_run" --envelope --no-arn-check "${mock_args[@]}" "$def" "$input" 2>"$work/their.err")" || their_status=$?
  total=$((total + 1))
  if [[ $their_status == 1 || $their_status == 4 || $their_status == 3 ]]; then
    skipped=$((skipped + 1))
    $verbose && echo "SKIPPED   $name (asl-run cannot run it: $(head -c 160 "$work/their.err" | tr '\n' ' '))"
    return
  fi
  local verdict
  verdict="$(python3 - "$our_status" "$ours" "$theirs" <<'PY'
import json, re, sys
from decimal import Decimal
status, ours, theirs = int(sys.argv[1]), sys.argv[2], sys.argv[3]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
def same_shape(value):
    # States.UUID is random on both sides: any version 4 UUID stands for any other.
    if isinstance(value, str):
        return "<uuid>" if UUID.fullmatch(value) else value
    if isinstance(value, list):
        return [same_shape(item) for item in value]
    if isinstance(value, dict):
        return {key: same_shape(item) for key, item in value.items()}
    return value
def load(text):
    return same_shape(json.loads(text, parse_float=Decimal, parse_int=Decimal))
try:
    t = load(theirs)
except Exception:
    print("their output is not JSON"); sys.exit()
if status == 1:
    print("statecraft rejected the definition"); sys.exit()
o = load(ours)
if t.get("status") == "SUCCEEDED":
    if status != 0:
        print(f"statecraft failed with {o.get('Error')}, asl-run succeeded"); sys.exit()
    print("AGREE" if o == t.get("output") else "outputs differ"); sys.exit()
if status == 0:
    print(f"statecraft succeeded, asl-run failed with {t.get('Error')}"); sys.exit()
print("AGREE" if o.get("Error") == t.get("Error") else f"errors differ: {o.get('Error')} vs {t.get('Error')}")
PY
)"
  if [[ "$verdict" == AGREE ]]; then
    agree=$((agree + 1))
    $verbose && echo "AGREE     $name"
  elif [[ -n "$deviation" ]]; then
    documented=$((documented + 1))
    $verbose && echo "DEVIATION $name ($deviation; $verdict)"
  else
    disagree=$((disagree + 1))
    disagreements+=("$name: $verdict")
    echo "DISAGREE  $name: $verdict"
    echo "  statecraft ($our_status): $ours"
    echo "  asl-run    ($their_status): $theirs"
  fi
}

echo '{}' >"$work/empty.json"
for def in "$shared"/conformance/statelint-awslabs/valid/*.json; do
  base="$(basename "$def" .json)"
  compare "conformance/$base" "$def" "$work/empty.json" "" "${known[$base]:-}"
done
for def in testing/src/test/resources/compare/*.asl.json; do
  base="$(basename "$def" .asl.json)"
  mocks="testing/src/test/resources/compare/$base.mocks.json"
  [[ -f "$mocks" ]] || mocks=""
  deviation=""
  [[ "$base" =~ ^dev-(D[0-9]+)- ]] && deviation="${BASH_REMATCH[1]}"
  compare "compare/$base" "$def" "testing/src/test/resources/compare/$base.input.json" "$mocks" "$deviation"
done

echo "definitions compared: $total (asl-run could not run $skipped)"
echo "agree: $agree, documented deviations or undocumented AWS behaviour: $documented, disagree: $disagree"
[[ $disagree == 0 ]]
