#!/usr/bin/env bash
# npm run test:e2e: installs what is missing (setup.sh), runs the vscode-API suite in code-server
# (run-code-server.mjs, which also builds), then the person's-eye test on the packaged .vsix (person.mjs).
# The person's-eye test runs even when the suite failed, so that one run shows everything; the exit
# status is non-zero when either failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
start=$SECONDS
bash scripts/e2e/setup.sh || exit 2
echo
echo "=== vscode API suite in code-server ==="
node scripts/e2e/run-code-server.mjs "$@"
suite=$?
echo
echo "=== person's-eye test (.vsix in code-server) ==="
node scripts/e2e/person.mjs --no-build
person=$?
echo
echo "test:e2e: suite $([ $suite = 0 ] && echo passed || echo FAILED), person's-eye test $([ $person = 0 ] && echo passed || echo FAILED) ($((SECONDS - start))s)"
[ $suite = 0 ] && [ $person = 0 ]
