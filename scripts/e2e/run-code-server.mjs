// Runs the real-VS-Code suite (test/e2e/suite) inside code-server, with this repository as a development
// extension, on a fresh copy of test/e2e/workspace. Needs scripts/e2e/setup.sh to have run.
//
//   node scripts/e2e/run-code-server.mjs [--no-build] [--grep <regexp>] [--timeout <seconds>] [--extension <dir>]
//
// Prints each test's result and "N passed, N failed"; exits 1 when a test failed or the suite did not
// finish in time, 2 when the harness itself could not run. code-server is stopped in every case.
// On failure, the code-server and extension host logs and a screenshot go to test-results/e2e/.
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  RESULTS_DIR,
  ROOT,
  buildAll,
  cleanupRegistry,
  elapsed,
  launchChromium,
  makeRunDir,
  printResults,
  removeRunDir,
  startCodeServer,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.AI_GOV_E2E_TIMEOUT || '300' },
    // Another extension folder to load instead of this repository (for working on the harness itself).
    extension: { type: 'string', default: ROOT },
  },
});
const timeoutMs = Number(opts.timeout) * 1000;
const outDir = join(RESULTS_DIR, 'e2e');

const started = Date.now();
const cleanup = cleanupRegistry();
let exitCode = 2;

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

try {
  if (!opts['no-build']) buildAll();
  if (!existsSync(join(ROOT, 'out/e2e/suite/index.js'))) throw new Error('out/e2e/suite/index.js is missing (run without --no-build)');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const runDir = makeRunDir('ai-gov-e2e');
  cleanup.add(() => removeRunDir(runDir));
  const resultsPath = join(runDir.dir, 'results.json');
  const progressPath = `${resultsPath}.log`;

  const server = await startCodeServer(runDir, {
    env: { AI_GOV_E2E_RESULTS: resultsPath, ...(opts.grep ? { AI_GOV_E2E_GREP: opts.grep } : {}) },
  });
  cleanup.add(server.stop);
  console.log(`code-server listening on ${server.url} (${elapsed(started)})`);

  const authority = `127.0.0.1:${server.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${resolve(opts.extension)}`],
    ['extensionTestsPath', `vscode-remote://${authority}${ROOT}/out/e2e/suite/index`],
  ];
  const url = `${server.url}?folder=${encodeURIComponent(runDir.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const browser = await launchChromium(runDir);
  cleanup.add(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consolePath = join(runDir.dir, 'browser-console.log');
  page.on('console', (m) => appendFileSync(consolePath, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => appendFileSync(consolePath, `[pageerror] ${e.message}\n`));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  console.log(`workbench opened in Chromium; waiting up to ${timeoutMs / 1000}s for the suite`);

  // Wait for the results, echoing the suite's progress lines as they come.
  let printed = 0;
  const echoProgress = () => {
    if (!existsSync(progressPath)) return;
    const lines = readFileSync(progressPath, 'utf8').split('\n');
    lines.pop(); // the unterminated tail, if any
    for (const line of lines.slice(printed)) console.log(`  ${line}`);
    printed = lines.length;
  };
  const deadline = Date.now() + timeoutMs;
  let results;
  while (!results) {
    echoProgress();
    if (existsSync(resultsPath)) results = JSON.parse(readFileSync(resultsPath, 'utf8'));
    else if (!server.isRunning()) throw new Error(`code-server stopped before the suite finished; see ${server.logPath}`);
    else if (Date.now() > deadline) break;
    else await sleep(500);
  }
  echoProgress();

  const saveEvidence = async (why) => {
    try {
      await page.screenshot({ path: join(outDir, 'workbench.png') });
    } catch {
      /* the page may be gone */
    }
    for (const [from, to] of [
      [server.logPath, 'code-server.log'],
      [consolePath, 'browser-console.log'],
      [join(runDir.userDataDir, 'logs'), 'logs'],
    ]) {
      if (existsSync(from)) cpSync(from, join(outDir, to), { recursive: true });
    }
    console.log(`${why}: logs and a screenshot are in ${outDir}`);
  };

  console.log('');
  if (!results) {
    await saveEvidence('timed out');
    console.log(`the suite did not finish within ${timeoutMs / 1000}s`);
    console.log(`0 passed, 1 failed`);
    exitCode = 1;
  } else {
    writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));
    if (results.failed > 0) await saveEvidence('failures');
    exitCode = printResults(results);
  }
} catch (e) {
  console.error(`e2e harness error: ${e instanceof Error ? e.stack : e}`);
  console.log('0 passed, 1 failed');
  exitCode = 2;
} finally {
  await cleanup.runAll();
  console.log(`run-code-server: ${elapsed(started)} in all`);
}
process.exit(exitCode);
