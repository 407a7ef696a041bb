/**
 * `ai-governance check`: find the governance files (the server's own walker), check each with the
 * language server's own `readAndCheck` (same engine, settings normaliser, size limit and evidence
 * view; in worker threads for many files: ./fileWork), optionally apply the safe fixes, then write
 * every requested report.
 */
import { promises as fsp } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import type { CheckSettings, MessageLanguage, Severity } from '../engine';
import { loadCatalog } from '../engine/catalog';
import { BaselineMatcher, onlyNew, readBaseline, type BaselineFinding } from './baseline';
import { discoverFiles, displayPath } from './discovery';
import { forEachFile, type FileJob } from './fileWork';
import { batched, format, isMachineFormat, type FormatName } from './formatters';
import { NO_COLOURS, paintFor, UsageError, EXIT, type CliIO } from './io';
import { createProgress, type Progress } from './progress';
import { mapped, ResultSpool } from './resultSpool';
import { hasFailures, type FileResult, type Report, type ToolFailure } from './report';
import { checkSettings } from './settings';
import { TEXT } from './text';

export interface OutputSpec {
  format: FormatName;
  /** file to write; stdout when absent */
  file?: string;
}

export interface CheckOptions {
  operands: string[];
  outputs: OutputSpec[];
  failSeverity: Severity;
  quiet: boolean;
  language: MessageLanguage;
  reviewMaxAgeDays?: number;
  maxFileSizeKB?: number;
  /** the folder evidence may not leave; default the working folder */
  root?: string;
  fix: boolean;
  toolVersion: string;
  /** a `-f json` report of an earlier run: only findings not in it are reported and fail */
  baseline?: string;
  /** read evidence files' last commit dates from .git (evidence-changed-after-review); default on */
  gitDates?: boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The workspace root of a file, as the server picks its workspace folder: the root when the file is inside it. */
function rootFor(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? root : dirname(path);
}

async function loadBaseline(path: string, shown: string): Promise<BaselineFinding[]> {
  let text: string;
  try {
    text = await fsp.readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --baseline ${shown}: ${errorText(error)}`);
  }
  return readBaseline(text, shown);
}

async function assertFolder(path: string, label: string): Promise<void> {
  const stat = await fsp.stat(path).catch(() => null);
  if (!stat?.isDirectory()) throw new UsageError(`${label} is not a folder: ${path}`);
}

export async function runCheck(options: CheckOptions, io: CliIO): Promise<number> {
  const text = TEXT[options.language];
  const cwd = io.cwd;
  const root = resolve(cwd, options.root ?? '.');
  await assertFolder(root, '--root');
  const baseline = options.baseline === undefined ? undefined : await loadBaseline(resolve(cwd, options.baseline), options.baseline);
  const { files } = await discoverFiles(options.operands, cwd);
  const settings = checkSettings({ language: options.language, reviewMaxAgeDays: options.reviewMaxAgeDays, maxFileSizeKB: options.maxFileSizeKB });
  const machineOnStdout = options.outputs.some((o) => !o.file && isMachineFormat(o.format));
  const progress = createProgress(io.stderr, files.length, !machineOnStdout, text.progress);
  const results = new ResultSpool();
  try {
    return await checkAll(options, io, { root, files, settings, progress, results, matcher: baseline ? new BaselineMatcher(baseline) : undefined });
  } finally {
    results.dispose();
  }
}

interface Run {
  root: string;
  files: string[];
  settings: CheckSettings;
  progress: Progress;
  results: ResultSpool;
  matcher: BaselineMatcher | undefined;
}

async function checkAll(options: CheckOptions, io: CliIO, run: Run): Promise<number> {
  const text = TEXT[options.language];
  const { cwd } = io;
  const { root, progress, results, matcher } = run;
  const failures: ToolFailure[] = [];
  let changed = 0;
  let changedFiles = 0;
  const jobs = run.files.map((absolutePath): FileJob => ({ kind: 'check', absolutePath, path: displayPath(absolutePath, cwd), workspaceRoot: rootFor(absolutePath, root), settings: run.settings, fix: options.fix, gitDates: options.gitDates !== false }));
  await forEachFile(jobs, (job, outcome, index) => {
    progress.tick(index + 1);
    const { path, absolutePath } = job;
    if (outcome.kind !== 'checked') {
      failures.push({ path, message: text.cannotRead(path, outcome.kind === 'failure' ? outcome.message : 'not checked') });
      return;
    }
    const result: FileResult = { absolutePath, path, diagnostics: outcome.diagnostics, keyPaths: outcome.keyPaths, coverage: outcome.coverage };
    results.add(matcher ? { ...result, baselineStates: matcher.match(result) } : result);
    if (outcome.changes.length) {
      progress.done();
      changed += outcome.changes.length;
      changedFiles++;
      for (const change of outcome.changes) io.stderr.write(text.fixed(path, change.from, change.to) + '\n');
    }
  });
  progress.done();
  if (changed) io.stderr.write(text.fixedCount(changed, changedFiles) + '\n');
  for (const failure of failures) io.stderr.write(`ai-governance: ${failure.message}\n`);

  const full: Report = { files: results, failures, root, cwd, language: options.language, failSeverity: options.failSeverity, catalog: loadCatalog(), toolVersion: options.toolVersion };
  // With a baseline, SARIF lists every finding with its baselineState; the other formats, and the exit code, only the new ones.
  const report: Report = matcher ? { ...full, files: mapped(results, onlyNew) } : full;
  const absent = matcher?.absent();
  if (matcher && absent) io.stderr.write(text.baseline(matcher.unchanged, absent.length) + '\n');
  for (const output of options.outputs) {
    const paint = output.file ? NO_COLOURS : paintFor(io.stdout, io.env);
    const body = batched(format(output.format, output.format === 'sarif' && absent ? { ...full, baseline: { absent } } : report, { paint, quiet: options.quiet }));
    if (!output.file) {
      for (const piece of body) io.stdout.write(piece);
      continue;
    }
    const target = resolve(cwd, output.file);
    try {
      await fsp.mkdir(dirname(target), { recursive: true });
      await fsp.writeFile(target, body, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot write ${output.file}: ${errorText(error)}`);
    }
  }
  if (failures.length) return EXIT.failure;
  return hasFailures(report) ? EXIT.problems : EXIT.ok;
}
