/**
 * `ai-governance check`: find the governance files (the server's own walker), check each with the
 * language server's own `readAndCheck` (same engine, settings normaliser, size limit and evidence
 * view), optionally apply the safe fixes, then write every requested report.
 */
import { promises as fsp } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { createEngine, type CheckSettings, type Engine, type EngineDiagnostic, type MessageLanguage, type Severity } from '../engine';
import { loadCatalog } from '../engine/catalog';
import { readAndCheck } from '../readAndCheck';
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
}

type FileOutcome = { diagnostics: EngineDiagnostic[]; changes: FixChange[] } | { failure: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The workspace root of a file, as the server picks its workspace folder: the root when the file is inside it. */
function rootFor(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? root : dirname(path);
}

async function checkFile(engine: Engine, path: string, root: string, settings: CheckSettings, fix: boolean): Promise<FileOutcome> {
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
  return { diagnostics: document.diagnostics, changes };
}

/** In reading order; findings on the same spot keep the engine's rule order. */
function byPosition(diagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character || a.index - b.index)
    .map((x) => x.d);
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
  const { files } = await discoverFiles(options.operands, cwd);
  const settings = checkSettings({ language: options.language, reviewMaxAgeDays: options.reviewMaxAgeDays, maxFileSizeKB: options.maxFileSizeKB });
  const engine = createEngine({ fs: new CachedFileSystem() });

  const machineOnStdout = options.outputs.some((o) => !o.file && isMachineFormat(o.format));
  const progress = createProgress(io.stderr, files.length, !machineOnStdout, text.progress);
  const results: FileResult[] = [];
  const failures: ToolFailure[] = [];
  let changed = 0;
  let changedFiles = 0;
  for (const [index, absolutePath] of files.entries()) {
    const path = displayPath(absolutePath, cwd);
    const outcome = await checkFile(engine, absolutePath, root, settings, options.fix);
    progress.tick(index + 1);
    if ('failure' in outcome) {
      failures.push({ path, message: text.cannotRead(path, outcome.failure) });
      continue;
    }
    results.push({ absolutePath, path, diagnostics: byPosition(outcome.diagnostics) });
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

  const report: Report = { files: results, failures, root, cwd, language: options.language, failSeverity: options.failSeverity, catalog: loadCatalog(), toolVersion: options.toolVersion };
  for (const output of options.outputs) {
    const paint = output.file ? NO_COLOURS : paintFor(io.stdout, io.env);
    const body = format(output.format, report, { paint, quiet: options.quiet });
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
