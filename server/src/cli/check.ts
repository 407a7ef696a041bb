/**
 * `ai-governance check`: find the governance files (the server's own walker), check each with the
 * language server's own `readAndCheck` (same engine, settings normaliser, size limit and evidence
 * view), optionally apply the safe fixes, then write every requested report.
 */
import { promises as fsp } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { createEngine, type CheckedDocument, type CheckSettings, type Engine, type EngineDiagnostic, type MessageLanguage, type Severity } from '../engine';
import type { RecordCoverage } from '../engine/coverage';
import { locate } from '../engine/locate';
import { loadCatalog } from '../engine/catalog';
import { GitDates } from '../gitDates';
import { readAndCheck } from '../readAndCheck';
import { compareWithBaseline, onlyNew, readBaseline, type BaselineFinding } from './baseline';
import { CachedFileSystem } from '../workspace';
import { discoverFiles, displayPath } from './discovery';
import { describeFix, applyEdits, type FixChange } from './fix';
import { format, isMachineFormat, type FormatName } from './formatters';
import { NO_COLOURS, paintFor, UsageError, EXIT, type CliIO } from './io';
import { createProgress } from './progress';
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

type KeyPaths = Map<EngineDiagnostic, Array<string | number>>;
type FileOutcome = { diagnostics: EngineDiagnostic[]; coverage: RecordCoverage | null; changes: FixChange[]; keyPaths: KeyPaths } | { failure: string };

/** The key path of the node each finding starts on: what a baseline matches instead of the line. */
function keyPathsOf(document: CheckedDocument): KeyPaths {
  const paths: KeyPaths = new Map();
  const record = document.state === 'parsed' ? document.record : null;
  for (const d of document.diagnostics) {
    const at = record ? locate(record.parsed.root, record.parsed.lines.offset(d.range.start)) : null;
    paths.set(d, at ? [...at.path] : []);
  }
  return paths;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The workspace root of a file, as the server picks its workspace folder: the root when the file is inside it. */
function rootFor(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? root : dirname(path);
}

/** The record again with the last-commit dates of its evidence files, when git has any (else as it was). */
async function withEvidenceDates(engine: Engine, document: CheckedDocument, gitDates: GitDates | undefined): Promise<CheckedDocument> {
  if (!gitDates || document.state !== 'parsed') return document;
  const targets = engine.links(document).map((l) => l.target);
  if (targets.length === 0) return document;
  const evidenceDates = await gitDates.datesFor(targets);
  if (Object.keys(evidenceDates).length === 0) return document;
  // The parse is kept; only the rules run again, now knowing when each evidence file last changed.
  const dated = { ...document, input: { ...document.input, evidenceDates } };
  return { ...dated, diagnostics: engine.validate(dated, document.settings) };
}

async function checkFile(engine: Engine, path: string, root: string, settings: CheckSettings, fix: boolean, gitDates?: GitDates): Promise<FileOutcome> {
  const workspaceRoot = rootFor(path, root);
  const result = await readAndCheck(engine, path, workspaceRoot, settings);
  if (!result.ok) return { failure: result.error };
  let { document } = result;
  const changes: FixChange[] = [];
  if (fix && document.state === 'parsed') {
    const safe = engine.fixAll(document);
    const text = document.input.text;
    if (safe && safe.edits.length > 0) {
      const fixed = applyEdits(text, safe.edits);
      if (fixed !== text) {
        try {
          await fsp.writeFile(path, fixed, 'utf8');
        } catch (error) {
          return { failure: errorText(error) };
        }
        changes.push(...describeFix(safe));
        document = engine.check({ path, text: fixed, workspaceRoot }, settings);
      }
    }
  }
  document = await withEvidenceDates(engine, document, gitDates);
  return { diagnostics: document.diagnostics, coverage: engine.coverage(document), changes, keyPaths: keyPathsOf(document) };
}

/** In reading order; findings on the same spot keep the engine's rule order. */
function byPosition(diagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character || a.index - b.index)
    .map((x) => x.d);
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
  const engine = createEngine({ fs: new CachedFileSystem() });
  const gitDates = options.gitDates === false ? undefined : new GitDates();

  const machineOnStdout = options.outputs.some((o) => !o.file && isMachineFormat(o.format));
  const progress = createProgress(io.stderr, files.length, !machineOnStdout, text.progress);
  const results: FileResult[] = [];
  const failures: ToolFailure[] = [];
  let changed = 0;
  let changedFiles = 0;
  for (const [index, absolutePath] of files.entries()) {
    const path = displayPath(absolutePath, cwd);
    const outcome = await checkFile(engine, absolutePath, root, settings, options.fix, gitDates);
    progress.tick(index + 1);
    if ('failure' in outcome) {
      failures.push({ path, message: text.cannotRead(path, outcome.failure) });
      continue;
    }
    results.push({ absolutePath, path, diagnostics: byPosition(outcome.diagnostics), keyPaths: outcome.keyPaths, coverage: outcome.coverage });
    if (outcome.changes.length) {
      progress.done();
      changed += outcome.changes.length;
      changedFiles++;
      for (const change of outcome.changes) io.stderr.write(text.fixed(path, change.from, change.to) + '\n');
    }
  }
  progress.done();
  if (changed) io.stderr.write(text.fixedCount(changed, changedFiles) + '\n');
  for (const failure of failures) io.stderr.write(`ai-governance: ${failure.message}\n`);

  const full: Report = { files: results, failures, root, cwd, language: options.language, failSeverity: options.failSeverity, catalog: loadCatalog(), toolVersion: options.toolVersion };
  const comparison = baseline ? compareWithBaseline(results, baseline) : undefined;
  // With a baseline, SARIF lists every finding with its baselineState; the other formats, and the exit code, only the new ones.
  const report: Report = comparison ? { ...full, files: onlyNew(results, comparison) } : full;
  if (comparison) io.stderr.write(text.baseline(comparison.unchanged, comparison.absent.length) + '\n');
  for (const output of options.outputs) {
    const paint = output.file ? NO_COLOURS : paintFor(io.stdout, io.env);
    const body = format(output.format, output.format === 'sarif' && comparison ? { ...full, baseline: comparison } : report, { paint, quiet: options.quiet });
    if (!output.file) {
      io.stdout.write(body);
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
