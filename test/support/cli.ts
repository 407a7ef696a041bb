/** Runs the CLI in-process (injected streams) or as a real process, and builds throw-away workspaces. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../server/src/cli/main';

export const REPO = resolve(__dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
}

/** The CLI with captured output; the environment is empty unless given, so the host's LANG does not leak in. */
export async function runCli(argv: string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTTY ?? false },
    cwd: options.cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** The real entry point in a child process (through tsx, so no build is needed): real exit codes. */
export function spawnCli(argv: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  // --import resolves from the child's working folder (a temp dir): point at the repository's tsx.
  const tsx = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
  const result = spawnSync(process.execPath, ['--import', tsx, join(REPO, 'server/src/cli.ts'), ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
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
  'guideline: "2026"',
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
