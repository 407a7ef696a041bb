/**
 * The CLI and the editor must never disagree (DESIGN §6): the built CLI (`node dist/cli.js check
 * -f json`) and the built language server (`node dist/server.js --stdio`, which checks every
 * governance file of its workspace folder after its scan) run on the same folders, and their
 * findings — file, code, range, severity, message, data — must be identical.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  createProtocolConnection,
  DiagnosticSeverity,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import type { JsonReport } from '../../server/src/cli/formatters/json';
import { WorkspaceCheckedNotification } from '../../server/src/protocol';

const REPO = resolve(__dirname, '../..');
const SERVER = join(REPO, 'dist/server.js');
const CLI = join(REPO, 'dist/cli.js');
const SCAN_TIMEOUT_MS = 60_000;

/** file (absolute path) → its findings, each as one comparable line, sorted. */
type Findings = Map<string, string[]>;

const SEVERITY_NAME: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function line(code: string, severity: string, range: Diagnostic['range'], message: string, data: unknown): string {
  const r = range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${severity} ${code} ${message} ${JSON.stringify(data ?? {})}`;
}

function sorted(map: Findings): Findings {
  return new Map([...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, lines]) => [file, [...lines].sort()]));
}

function cliFindings(folder: string): { findings: Findings; report: JsonReport } {
  const result = spawnSync(process.execPath, [CLI, 'check', '-f', 'json', '--lang', 'ja'], { cwd: folder, encoding: 'utf8', timeout: SCAN_TIMEOUT_MS, env: { PATH: process.env.PATH ?? '' } });
  assert.ok(result.status === 0 || result.status === 1, `cli exit ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as JsonReport;
  const findings: Findings = new Map();
  for (const file of report.files) findings.set(file.absolutePath, file.diagnostics.map((d) => line(d.code, d.severity, d.range, d.message, d.data)));
  return { findings: sorted(findings), report };
}

/** Starts the server on `folder`, waits for its workspace scan, and collects what it published. */
async function serverFindings(folder: string): Promise<{ findings: Findings; scanned: WorkspaceCheckedNotification.Params }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // A write racing the server's exit must not crash the test process.
  child.stdin.on('error', () => undefined);
  const connection = createProtocolConnection(child.stdout, child.stdin);
  const published = new Map<string, Diagnostic[]>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(URI.parse(params.uri).fsPath, params.diagnostics);
  });
  const scanned = new Promise<WorkspaceCheckedNotification.Params>((resolveScan, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${WorkspaceCheckedNotification.method} within ${SCAN_TIMEOUT_MS} ms`)), SCAN_TIMEOUT_MS);
    connection.onNotification(WorkspaceCheckedNotification.method, (params: WorkspaceCheckedNotification.Params) => {
      clearTimeout(timer);
      resolveScan(params);
    });
  });
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'parity' }],
      // no workspace.configuration: the server uses its defaults, as the CLI does
      capabilities: {},
      initializationOptions: { displayLanguage: 'ja' },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const summary = await scanned;
    const findings: Findings = new Map();
    for (const [file, diagnostics] of published) {
      findings.set(
        file,
        diagnostics.map((d) => line(String(d.code), SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error], d.range, typeof d.message === 'string' ? d.message : d.message.value, d.data)),
      );
    }
    return { findings: sorted(findings), scanned: summary };
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

async function assertParity(folder: string): Promise<{ files: number; findings: number }> {
  const cli = cliFindings(folder);
  const server = await serverFindings(folder);
  assert.deepEqual([...cli.findings.keys()], [...server.findings.keys()], 'both check the same files');
  for (const [file, lines] of cli.findings) assert.deepEqual(lines, server.findings.get(file), `findings differ for ${file}`);
  const findings = [...cli.findings.values()].reduce((n, l) => n + l.length, 0);
  assert.equal(server.scanned.files, cli.findings.size, 'the server scanned as many files as the CLI checked');
  assert.equal(server.scanned.problems, findings);
  return { files: cli.findings.size, findings };
}

describe('CLI and language server report the same findings', () => {
  before(() => {
    for (const bundle of [SERVER, CLI]) assert.ok(existsSync(bundle), `${bundle} is missing: run npm run build first`);
  });

  let copy: string;
  before(() => {
    // A copy, so node_modules/.git records (which both must skip) need not be committed.
    copy = mkdtempSync(join(tmpdir(), 'ai-governance-parity-'));
    cpSync(join(REPO, 'test/fixtures/cli'), copy, { recursive: true });
    for (const skipped of ['node_modules/pkg', '.git']) {
      mkdirSync(join(copy, skipped), { recursive: true });
      writeFileSync(join(copy, skipped, 'ai-governance.yaml'), 'apiVersion: ai-governance/v1\nbogus: true\n');
    }
  });
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('test/fixtures/cli', { timeout: 2 * SCAN_TIMEOUT_MS }, async () => {
    const { files, findings } = await assertParity(copy);
    assert.equal(files, 3, 'the three fixture records, node_modules and .git skipped');
    assert.ok(findings >= 20, `a comparison worth making (${findings} findings)`);
  });

  /**
   * A copy outside the repository: in a clone, the evidence files' commit dates are newer than the
   * examples' reviews, and the CLI reads them at once while the server adds them after its first
   * publish (test/protocol/git-dates.test.ts covers that); here both compare the same, dateless, check.
   */
  const outsideGit = (folder: string): string => {
    const to = mkdtempSync(join(tmpdir(), 'ai-governance-parity-'));
    cpSync(join(REPO, folder), to, { recursive: true });
    return to;
  };

  test('examples/', { timeout: 2 * SCAN_TIMEOUT_MS }, async () => {
    const folder = outsideGit('examples');
    try {
      const { files } = await assertParity(folder);
      assert.equal(files, 3);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('test/e2e/workspace', { timeout: 2 * SCAN_TIMEOUT_MS }, async () => {
    const folder = outsideGit('test/e2e/workspace');
    const { files } = await assertParity(folder).finally(() => rmSync(folder, { recursive: true, force: true }));
    assert.equal(files, 2);
  });
});
