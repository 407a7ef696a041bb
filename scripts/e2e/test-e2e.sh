#!/usr/bin/env bash
# npm run test:e2e: installs what is missing (setup.sh), runs the vscode-API suite in code-server
# (run-code-server.mjs, which also builds), then the person's-eye tests on the packaged .vsix (person.mjs,
# person-ja.mjs: a Japanese officer at 1280 px).
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
echo "=== a Japanese officer's session (the same .vsix, 1280 px, messageLanguage ja) ==="
node scripts/e2e/person-ja.mjs
ja=$?
echo
verdict() { [ "$1" = 0 ] && echo passed || echo FAILED; }
echo "test:e2e: suite $(verdict $suite), person's-eye test $(verdict $person), Japanese session $(verdict $ja) ($((SECONDS - start))s)"
[ $suite = 0 ] && [ $person = 0 ] && [ $ja = 0 ]
