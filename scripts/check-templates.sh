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
echo "check-templates: asl-check on ${#definitions[@]} definitions and those of the templates"
"$tools/asl-check" --subst-dummy "${definitions[@]}" "$extracted" || status=1
exit "$status"
