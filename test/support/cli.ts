/**
 * Runs the CLI as it ships — the bundle `dist/cli.js` that `npm run build` writes (npm test builds
 * first) — in a child process, and builds throw-away workspaces.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');
export const CLI = join(REPO, 'dist', 'cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** make the child's stdout / stderr say it is a terminal (the pipes the test reads are not) */
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
}

function cliArgs(argv: readonly string[], options: Pick<RunOptions, 'stdoutTTY' | 'stderrTTY'> = {}): string[] {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const tty = [options.stdoutTTY && 'stdout', options.stderrTTY && 'stderr'].filter(Boolean) as string[];
  // A terminal is faked only in the flag the CLI reads; the code under test is the bundle itself.
  const fake = tty.map((stream) => `Object.defineProperty(process.${stream},'isTTY',{value:true});`).join('');
  return [...(fake ? ['--import', `data:text/javascript,${encodeURIComponent(fake)}`] : []), CLI, ...argv];
}

/** The environment is empty (PATH aside) unless given, so the host's LANG does not leak in. */
const childEnv = (env: Record<string, string | undefined> = {}) => ({ PATH: process.env.PATH ?? '', ...env });

/** The built CLI with captured output and its real exit code. */
export function runCli(argv: string[], options: RunOptions): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, cliArgs(argv, options), { cwd: options.cwd, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** The same, synchronously. */
export function spawnCli(argv: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, cliArgs(argv), { cwd, env: childEnv(env), encoding: 'utf8', timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `files` (path → content); removed by the returned function. */
export function workspace(files: Record<string, string>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'ai-governance-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A record without findings, whatever the catalog holds: no roles (nothing is required), common principles only. */
export const CLEAN_RECORD = [
  'apiVersion: ai-governance/v1',
  'guideline: "1.0"',
  'organization:',
  '  name: 株式会社サンプル',
  'items:',
  ...['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6', 'C-7', 'C-8', 'C-9', 'C-10'].flatMap((id) => [`  ${id}:`, '    status: planned']),
  '',
].join('\n');

/** A record with exactly one finding, an error: the unknown top-level key on line 2. */
export const BROKEN_RECORD = ['apiVersion: ai-governance/v1', 'colour: blue', ''].join('\n');

/** A record with exactly one finding, a warning: C-1 is implemented but names no owner (line 4). */
export const WARNING_RECORD = ['apiVersion: ai-governance/v1', 'guideline: "1.0"', 'items:', '  C-1:', '    status: implemented', ''].join('\n');
