// Entry point of the real-VS-Code suite (extensionTestsPath). VS Code loads the bundle
// (out/e2e/suite/index.js, built by scripts/e2e/build-suite.mjs) in the extension host and calls run().
// The same module serves @vscode/test-electron (desktop) and code-server (scripts/e2e/run-code-server.mjs).
//
// Environment:
//   AI_GOV_E2E_RESULTS  where to write {passed, failed, failures: [...], tests: [...]} as JSON;
//                       progress lines go to the same path + ".log" while the tests run
//   AI_GOV_E2E_GREP     run only the tests whose full title matches this regular expression
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * The tests, in the order they run (later ones edit the workspace). esbuild bundles every file here;
 * build-suite.mjs refuses to build when a *.test.ts file is missing from this list.
 */
function loadTests(): void {
  // Loaded lazily, with require, because the test files call describe/it when they load, and mocha sets
  // those globals up only at pre-require time (a static import would run them first).
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./activation.test');
  require('./diagnostics.test');
  require('./hover.test');
  require('./completion.test');
  require('./quickfix.test');
  require('./skeleton.test');
  require('./language.test');
  require('./restart.test');
  require('./evidence.test');
  require('./overview.test');
  require('./report.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface Results {
  passed: number;
  failed: number;
  pending: number;
  failures: Array<{ title: string; error: string; stack?: string }>;
  tests: TestResult[];
  vscodeVersion: string;
  appHost: string;
  durationMs: number;
}

class QuietReporter extends Mocha.reporters.Base {}

export async function run(): Promise<void> {
  const resultsPath = process.env.AI_GOV_E2E_RESULTS;
  const logPath = resultsPath ? `${resultsPath}.log` : undefined;
  const log = (line: string) => {
    console.log(`[e2e] ${line}`);
    if (logPath) fs.appendFileSync(logPath, line + '\n');
  };
  const started = Date.now();
  const results: Results = {
    passed: 0,
    failed: 0,
    pending: 0,
    failures: [],
    tests: [],
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    durationMs: 0,
  };
  const write = () => {
    results.durationMs = Date.now() - started;
    if (!resultsPath) return;
    fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
    // Written to a temporary name first, so that a harness polling for the file never reads half of it.
    fs.writeFileSync(`${resultsPath}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${resultsPath}.tmp`, resultsPath);
  };

  try {
    const grep = process.env.AI_GOV_E2E_GREP;
    const mocha = new Mocha({ ui: 'bdd', timeout: 150_000, color: false, reporter: QuietReporter, ...(grep ? { grep } : {}) });
    // Bundled test files register their suites through the globals mocha sets up on pre-require.
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'e2e-suite', mocha);
    loadTests();
    log(`VS Code ${vscode.version} (${vscode.env.appHost}); running the suite`);

    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        log(`ok   ${test.fullTitle()} (${test.duration ?? 0} ms)`);
      });
      runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, err: Error) => {
        results.failed++;
        const error = err?.message ?? String(err);
        results.failures.push({ title: test.fullTitle(), error, stack: err?.stack });
        results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error });
        log(`FAIL ${test.fullTitle()}\n${error.replace(/^/gm, '     ')}`);
      });
      runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => {
        results.pending++;
        results.tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 });
        log(`skip ${test.fullTitle()}`);
      });
    });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    results.failed++;
    results.failures.push({ title: '(suite could not run)', error: err.message, stack: err.stack });
    log(`FAIL the suite could not run: ${err.stack ?? err.message}`);
  }
  log(`suite done: ${results.passed} passed, ${results.failed} failed`);
  write();
  if (results.failed > 0) throw new Error(`${results.failed} e2e test(s) failed`);
}
