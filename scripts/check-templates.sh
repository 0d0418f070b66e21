#!/usr/bin/env bash
# Runs checkers Statecraft did not write over the templates and definitions it generated:
# cfn-lint (through ../shared/tools/cfn-check) on every template.yaml/template.json, and the ASL
# validators (asl-check --subst-dummy) on every definition.asl.json and on the definitions
# extracted from the templates (cfn-extract-asl --subst-dummy).
#
# Usage: scripts/check-templates.sh [DIR...]
#   DIR defaults to the golden templates and the target/statecraft folder of every module (not
#   those of the plugin's integration-test projects, which test the plugin rather than templates).
# Environment: STATECRAFT_TOOLS (default ../shared/tools, beside the repository).
# Exit: 0 all pass, 1 a checker failed, 2 the tools are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

tools="${STATECRAFT_TOOLS:-../shared/tools}"
if [[ ! -x "$tools/cfn-check" || ! -x "$tools/asl-check" || ! -x "$tools/cfn-extract-asl" ]]; then
  echo "check-templates: no checkers in $tools (cfn-check, asl-check, cfn-extract-asl); set STATECRAFT_TOOLS" >&2
  exit 2
fi

if [[ $# -gt 0 ]]; then
  roots=("$@")
else
  roots=(generator/src/test/resources/golden/cfn)
  while IFS= read -r dir; do roots+=("$dir"); done < <(find . -path '*/target/statecraft' -type d -not -path './.git/*' -not -path '*/target/it/*' -not -path '*/src/it/*' | sort)
fi

templates=()
definitions=()
for root in "${roots[@]}"; do
  [[ -d "$root" ]] || continue
  while IFS= read -r file; do templates+=("$file"); done < <(find "$root" -type f \( -name template.yaml -o -name template.json \) | sort)
  while IFS= read -r file; do definitions+=("$file"); done < <(find "$root" -type f -name definition.asl.json | sort)
done
if [[ ${#templates[@]} -eq 0 ]]; then
  echo "check-templates: no template.yaml or template.json under ${roots[*]}" >&2
  exit 1
fi

status=0
echo "check-templates: cfn-check on ${#templates[@]} templates"
"$tools/cfn-check" "${templates[@]}" || status=1

extracted="$(mktemp -d)"
trap 'rm -rf "$extracted"' EXIT
# One folder per template, so that equal state machine names do not overwrite each other.
i=0
for template in "${templates[@]}"; do
  i=$((i + 1))
  "$tools/cfn-extract-asl" -o "$extracted/$i" --subst-dummy "$template" >/dev/null || status=1
done
all_definitions=("${definitions[@]}")
while IFS= read -r file; do all_definitions+=("$file"); done < <(find "$extracted" -type f -name '*.json' | sort)
# statelint predates JSONata, variables and the distributed Map's fields (see the tools' README):
# definitions that use them are checked with --statelint-lenient, the others strictly.
strict=()
lenient=()
for file in "${all_definitions[@]}"; do
  if grep -qE '"(QueryLanguage|Assign|Arguments|Output|ItemReader|ItemBatcher|ResultWriter|ToleratedFailure(Count|Percentage)(Path)?|Label)"' "$file"; then
    lenient+=("$file")
  else
    strict+=("$file")
  fi
done
echo "check-templates: asl-check on ${#definitions[@]} definitions and those of the templates"
if [[ ${#strict[@]} -gt 0 ]]; then
  "$tools/asl-check" --subst-dummy "${strict[@]}" || status=1
fi
if [[ ${#lenient[@]} -gt 0 ]]; then
  # Even lenient, statelint rejects JSONata where the language allows it (such as Wait Seconds
  # "{% $wait %}"); the AWS documentation decides, so for these only asl-validator and the
  # language service must pass, and statelint's opinion is shown.
  report="$("$tools/asl-check" --subst-dummy --statelint-lenient "${lenient[@]}" || true)"
  printf '%s\n' "$report"
  if grep -qE 'asl-validator=FAIL|asls=FAIL' <<<"$report" || ! grep -q 'asl-validator=' <<<"$report"; then
    status=1
  fi
fi
exit "$status"
