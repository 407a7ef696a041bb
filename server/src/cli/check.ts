/**
 * `ai-governance check`: find the governance files (the server's own walker), check each with the
 * language server's own `readAndCheck` (same engine, settings normaliser, size limit and evidence
 * view), optionally apply the safe fixes, then write every requested report.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { createEngine, type CheckSettings, type Engine, type EngineDiagnostic, type MessageLanguage, type Severity } from '../engine';
import { loadCatalog } from '../engine/catalog';
import { readAndCheck } from '../readAndCheck';
import { CachedFileSystem } from '../workspace';
import { discoverFiles, displayPath } from './discovery';
import { describeFix, applyEdits, type FixChange } from './fix';
import { formatter as createFormatter, isMachineFormat, type FormatName, type StreamingFormatter } from './formatters';
import { NO_COLOURS, paintFor, UsageError, EXIT, type CliIO } from './io';
import { createProgress } from './progress';
import { atLeast, type FileResult, type ReportContext, type ToolFailure } from './report';
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
  // Every report is written as the files are checked: a run never holds more than one file's findings.
  const context: ReportContext = { root, cwd, language: options.language, failSeverity: options.failSeverity, catalog: loadCatalog(), toolVersion: options.toolVersion };
  const sinks = await Promise.all(options.outputs.map((output) => openSink(output, context, cwd, io, options.quiet)));
  const write = async (piece: (f: StreamingFormatter) => string) => {
    for (const sink of sinks) {
      const chunk = piece(sink.formatter);
      if (!chunk) continue;
      if (!sink.handle) progress.done(); // the progress line is on the same terminal
      await sink.write(chunk);
    }
  };
  await write((f) => f.head());
  const failures: ToolFailure[] = [];
  let failed = false;
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
    const result: FileResult = { absolutePath, path, diagnostics: byPosition(outcome.diagnostics) };
    failed ||= result.diagnostics.some((d) => atLeast(d.severity, options.failSeverity));
    if (outcome.changes.length) {
      progress.done();
      changed += outcome.changes.length;
      changedFiles++;
      for (const change of outcome.changes) io.stderr.write(text.fixed(path, change.from, change.to) + '\n');
    }
    await write((f) => f.file(result));
  }
  progress.done();
  if (changed) io.stderr.write(text.fixedCount(changed, changedFiles) + '\n');
  for (const failure of failures) io.stderr.write(`ai-governance: ${failure.message}\n`);
  await write((f) => f.tail(failures));
  for (const sink of sinks) await sink.close();
  if (failures.length) return EXIT.failure;
  return failed ? EXIT.problems : EXIT.ok;
}

interface Sink {
  formatter: StreamingFormatter;
  /** the file written (undefined: stdout) */
  handle: FileHandle | undefined;
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

/** Where one report goes: stdout, or a file opened (and its folder made) before any file is checked. */
async function openSink(output: OutputSpec, context: ReportContext, cwd: string, io: CliIO, quiet: boolean): Promise<Sink> {
  const paint = output.file ? NO_COLOURS : paintFor(io.stdout, io.env);
  const formatter = createFormatter(output.format, context, { paint, quiet });
  if (!output.file) {
    return { formatter, handle: undefined, write: async (chunk) => void io.stdout.write(chunk), close: async () => undefined };
  }
  const name = output.file;
  const target = resolve(cwd, name);
  const failed = (error: unknown) => new UsageError(`cannot write ${name}: ${errorText(error)}`);
  let handle: FileHandle;
  try {
    await fsp.mkdir(dirname(target), { recursive: true });
    handle = await fsp.open(target, 'w');
  } catch (error) {
    throw failed(error);
  }
  return {
    formatter,
    handle,
    write: (chunk) => handle.write(chunk, null, 'utf8').then(() => undefined, (error: unknown) => Promise.reject(failed(error))),
    close: () => handle.close(),
  };
}
