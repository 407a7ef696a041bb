#!/usr/bin/env bash
# The check step of action.yml: runs `ai-governance check` with the action's inputs, writes the
# SARIF report and the Markdown summary to files, appends the summary to $GITHUB_STEP_SUMMARY and
# records the exit code in $GITHUB_OUTPUT. It exits 0 after a check that ran, whatever it found,
# so that the SARIF upload runs; the action's last step turns the recorded code into the result.
# Inputs arrive as environment variables (never spliced into the script: no injection).
set -euo pipefail

# fail <Japanese> <English>: the message in the action's language.
fail() {
  if [ "${INPUT_LANGUAGE:-ja}" = ja ]; then echo "::error title=ai-governance::$1"; else echo "::error title=ai-governance::$2"; fi
  echo "exit-code=2" >>"$GITHUB_OUTPUT"
  exit 2
}

node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' 2>/dev/null ||
  fail "ランナーに Node.js 20 以上が必要です（このステップの前に actions/setup-node を置いてください）" \
    "Node.js 20 or later is needed on the runner (actions/setup-node before this step)"

spec="${INPUT_CLI:-}"
if [ -z "$spec" ]; then
  # The CLI released with this version of the action.
  version="$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/packages/cli/package.json")"
  spec="@ai-governance/cli@$version"
fi

out="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ai-governance"
mkdir -p "$out"
sarif="$out/ai-governance.sarif"
summary="$out/ai-governance.md"

# Globs are the CLI's to expand (it knows governance file names and skips node_modules), not the shell's.
set -f
read -r -d '' -a paths <<<"${INPUT_PATHS:-}" || true
IFS=$', \t\n' read -r -d '' -a formats <<<"${INPUT_FORMATS:-}" || true
set +f

# The n-th -o belongs to the n-th -f: the two files first, then the formats for the log.
args=(check -f sarif -f markdown)
for format in "${formats[@]}"; do args+=(-f "$format"); done
args+=(-o "$sarif" -o "$summary" --fail-severity "${INPUT_FAIL_SEVERITY:-error}")
if [ -n "${INPUT_LANGUAGE:-}" ]; then args+=(--lang "$INPUT_LANGUAGE"); fi
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
if [ "${#paths[@]}" -gt 0 ]; then args+=(-- "${paths[@]}"); fi

# A path to a bundle (dist/cli.js of a clone after npm run build) runs as it is; anything else is an npm package spec.
if [[ "$spec" == *.js && -f "$spec" ]]; then
  cli=(node "$spec")
else
  cli=(npm exec --yes --package="$spec" -- ai-governance)
fi
echo "ai-governance (${spec}) ${args[*]}"
code=0
"${cli[@]}" "${args[@]}" || code=$?

if [ "${INPUT_SUMMARY:-true}" = true ] && [ -s "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$summary" >>"$GITHUB_STEP_SUMMARY"
fi
# A run that could read only some files still wrote its reports: they are uploaded all the same.
if [ -s "$sarif" ]; then echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"; fi
if [ -s "$summary" ]; then echo "summary-file=$summary" >>"$GITHUB_OUTPUT"; fi
# 0 and 1 are results; anything else means the check did not run as asked.
[ "$code" -le 1 ] || fail "検査を実行できませんでした（終了コード $code）。上のログを確認してください" \
  "the check could not run (exit $code); see the log above"
echo "exit-code=$code" >>"$GITHUB_OUTPUT"
