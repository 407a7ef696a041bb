// Runs the same real-VS-Code suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron,
// for contributors whose machine can download VS Code (it fetches it into .vscode-test/ on first use).
// Where only the npm registry is reachable, use scripts/e2e/run-code-server.mjs instead.
//
//   node scripts/e2e/run-electron.mjs [--no-build] [--grep <regexp>] [--vscode-version <stable|insiders|1.100.3>]
//
// On Linux without a display, run it under xvfb-run. Prints each test's result and "N passed, N failed".
import { runTests } from '@vscode/test-electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, buildAll, elapsed, makeRunDir, printResults, removeRunDir } from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    grep: { type: 'string' },
    'vscode-version': { type: 'string', default: process.env.AI_GOV_VSCODE_VERSION || 'stable' },
  },
});

const started = Date.now();
let exitCode = 2;
let runDir;
try {
  if (!opts['no-build']) buildAll();
  runDir = makeRunDir('ai-gov-e2e-electron');
  const resultsPath = join(runDir.dir, 'results.json');
  let runError;
  try {
    await runTests({
      version: opts['vscode-version'],
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out/e2e/suite/index'),
      extensionTestsEnv: { AI_GOV_E2E_RESULTS: resultsPath, ...(opts.grep ? { AI_GOV_E2E_GREP: opts.grep } : {}) },
      launchArgs: [
        runDir.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        runDir.userDataDir,
        '--extensions-dir',
        runDir.extensionsDir,
      ],
    });
  } catch (e) {
    // runTests rejects when run() did (a failed test) or when VS Code could not start.
    runError = e;
  }
  console.log('');
  if (!existsSync(resultsPath)) {
    console.error(`the suite wrote no results: ${runError instanceof Error ? runError.message : runError ?? 'unknown reason'}`);
    console.log('0 passed, 1 failed');
    exitCode = 1;
  } else {
    exitCode = printResults(JSON.parse(readFileSync(resultsPath, 'utf8')));
  }
} catch (e) {
  console.error(`e2e harness error: ${e instanceof Error ? e.stack : e}`);
  console.log('0 passed, 1 failed');
  exitCode = 2;
} finally {
  if (runDir) removeRunDir(runDir);
  console.log(`run-electron: ${elapsed(started)} in all`);
}
process.exit(exitCode);
