// Shared by the code-server launchers (run-code-server.mjs, person.mjs): locating the code-server that
// scripts/e2e/setup.sh installed, copying the test workspace, starting and stopping code-server on a free
// loopback port, opening Chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE = process.env.AI_GOV_CACHE || join(homedir(), '.cache', 'ai-governance-e2e');
export const CHROMIUM = process.env.AI_GOV_CHROMIUM || '/usr/bin/chromium';
export const RESULTS_DIR = join(ROOT, 'test-results');

export function codeServerEntry() {
  const entry = join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'package', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed at ${entry}; run scripts/e2e/setup.sh first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; run scripts/e2e/setup.sh first`);
  return entry;
}

export function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/** Runs a command with inherited output; throws when it fails. */
export function run(command, args, options = {}) {
  const start = Date.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
  return elapsed(start);
}

/** Builds the extension (npm run build) and the suite bundle. */
export function buildAll({ suite = true } = {}) {
  console.log(`build: npm run build (${run('npm', ['run', '--silent', 'build'])})`);
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/checkWorker.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`npm run build did not produce ${f}`);
  }
  if (suite) console.log(`build: suite bundle (${run(process.execPath, ['scripts/e2e/build-suite.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] })})`);
}

/**
 * A fresh scratch directory for one run: workspace/ (a copy of test/e2e/workspace, or of `from`), user/
 * (user data with quiet settings, plus `settings`), ext/ (extensions dir), config.yaml (so code-server
 * leaves ~/.config alone).
 */
export function makeRunDir(prefix, { from = 'test/e2e/workspace', settings = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const workspace = join(dir, 'workspace');
  cpSync(join(ROOT, from), workspace, { recursive: true });
  const userDataDir = join(dir, 'user');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        'window.commandCenter': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  const extensionsDir = join(dir, 'ext');
  mkdirSync(extensionsDir);
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  return { dir, workspace, userDataDir, extensionsDir, config };
}

export function removeRunDir(runDir) {
  if (process.env.AI_GOV_E2E_KEEP) {
    console.log(`kept ${runDir.dir} (AI_GOV_E2E_KEEP)`);
    return;
  }
  rmSync(runDir.dir, { recursive: true, force: true });
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

function codeServerArgs(runDir) {
  return [
    '--config', runDir.config,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', runDir.userDataDir,
    '--extensions-dir', runDir.extensionsDir,
  ];
}

/** `code-server --install-extension <vsix>` into the run's extensions dir. */
export function installExtension(runDir, vsix) {
  const r = spawnSync(process.execPath, [codeServerEntry(), ...codeServerArgs(runDir), '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${out}`);
  return out;
}

/**
 * Starts code-server on a free loopback port in its own process group and resolves once it listens.
 * Its output goes to <run dir>/code-server.log. stop() ends the whole group (server and extension hosts).
 */
export async function startCodeServer(runDir, { env = {}, timeoutMs = 60_000 } = {}) {
  const entry = codeServerEntry();
  const port = await freePort();
  const logPath = join(runDir.dir, 'code-server.log');
  const log = createWriteStream(logPath);
  const child = spawn(
    process.execPath,
    [entry, ...codeServerArgs(runDir), '--bind-addr', `127.0.0.1:${port}`, runDir.workspace],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let exited = false;
  const exit = new Promise((res) => child.on('exit', (code, signal) => {
    exited = true;
    res({ code, signal });
  }));
  let output = '';
  const listening = new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`code-server did not listen within ${timeoutMs / 1000}s; see ${logPath}`)), timeoutMs);
    const onData = (chunk) => {
      log.write(chunk);
      if (output.length < 100_000) output += chunk.toString();
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exit.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(new Error(`code-server exited (${code ?? signal}) before listening:\n${output.slice(-2000)}`));
    });
  });

  const stop = async () => {
    if (exited) return;
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    signalGroup('SIGTERM');
    const timedOut = await Promise.race([exit.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
    // The group may outlive its leader (extension host, language server): make sure nothing is left.
    signalGroup('SIGKILL');
    if (timedOut) await exit;
    log.end();
  };
  try {
    await listening;
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, url: `http://127.0.0.1:${port}/`, logPath, stop, isRunning: () => !exited, pid: child.pid };
}

/**
 * Headless Chromium (the Debian package) through playwright-core; downloads nothing. Its config and cache
 * (crash reports, …) go under the run directory instead of ~/.config and ~/.cache.
 */
export async function launchChromium(runDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, XDG_CONFIG_HOME: join(runDir.dir, 'xdg-config'), XDG_CACHE_HOME: join(runDir.dir, 'xdg-cache') },
    headless: true,
    // Our own signal handlers close the browser and then stop code-server; Playwright's would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-breakpad',
      '--disable-crash-reporter',
    ],
  });
}

/** Runs cleanup functions (latest first) once, also on Ctrl+C / SIGTERM. */
export function cleanupRegistry() {
  const tasks = [];
  let running;
  // Every caller (the normal end and a signal handler) waits for the same, single cleanup.
  const runAll = () =>
    (running ??= (async () => {
      for (const task of tasks.reverse()) {
        try {
          // A hung step (say, a browser that does not close) must not keep the next ones from running.
          await Promise.race([
            task(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('cleanup step timed out')), 15_000).unref()),
          ]);
        } catch (e) {
          console.error(`cleanup: ${e instanceof Error ? e.message : e}`);
        }
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping`);
      runAll().finally(() => process.exit(130));
    });
  }
  return { add: (task) => tasks.push(task), runAll };
}

/** Prints a suite's results (the file test/e2e/suite/index.ts writes); returns the exit code they call for. */
export function printResults(results) {
  console.log(`VS Code ${results.vscodeVersion} (${results.appHost}), suite ${(results.durationMs / 1000).toFixed(1)}s:`);
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip';
    console.log(`  ${mark} ${t.title} (${t.durationMs} ms)`);
  }
  for (const f of results.failures) console.log(`\nFAIL ${f.title}\n${f.error.replace(/^/gm, '    ')}`);
  console.log('');
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return results.failed > 0 || results.passed === 0 ? 1 : 0;
}
