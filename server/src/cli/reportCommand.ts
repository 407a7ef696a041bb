/**
 * `ai-governance report` (HTML, Markdown, XLSX, JSON; `--merge` of JSON reports into a portfolio)
 * and `ai-governance import` (an edited Excel checklist back into its record). Registered on the
 * program built by ./args, so the shared command table stays as it is.
 */
import { promises as fsp } from 'node:fs';
import { basename, dirname, relative, resolve, isAbsolute } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { createEngine, reportDocument, type MessageLanguage, type RecordReport } from '../engine';
import { loadCatalog } from '../engine/catalog';
import { importChecklist } from '../engine/checklistImport';
import { sha256 } from '../report/facts';
import { parseJsonReport } from '../report/json';
import { buildPortfolio, portfolioHtml, portfolioMarkdown, portfolioXlsx } from '../report/portfolio';
import { readWorkbook, SheetError, type ChecklistSheet } from '../report/readSheet';
import { isReportFormat, reportChunks, REPORT_FORMATS, type ReportFormat } from '../report/render';
import { CachedFileSystem } from '../workspace';
import { discoverFiles, displayPath } from './discovery';
import { forEachFile, type FileJob } from './fileWork';
import { batched } from './formatters';
import { StringPool } from '../sharedStrings';
import { EXIT, UsageError, type CliIO } from './io';
import { checkSettings } from './settings';

export interface ReportOutput {
  format: ReportFormat;
  file?: string;
}

export interface ReportArgs {
  operands: string[];
  outputs: ReportOutput[];
  language: MessageLanguage;
  merge: boolean;
  root?: string;
  reviewMaxAgeDays?: number;
}

export interface ImportArgs {
  workbook: string;
  into: string;
  dryRun: boolean;
  force: boolean;
  language: MessageLanguage;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function collectFormat(value: string, previous: ReportFormat[]): ReportFormat[] {
  if (!isReportFormat(value)) throw new InvalidArgumentError(`format must be one of ${REPORT_FORMATS.join(', ')}`);
  return [...previous, value];
}

function parseLanguage(value: string): MessageLanguage {
  if (value !== 'ja' && value !== 'en') throw new InvalidArgumentError('language must be one of ja, en');
  return value;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** The n-th -o belongs to the n-th -f (as in `check`); html when no -f is given. */
export function pairReportOutputs(formats: readonly ReportFormat[], files: readonly string[]): ReportOutput[] {
  const chosen: ReportFormat[] = formats.length ? [...formats] : ['html'];
  if (files.length > chosen.length) throw new UsageError(`${files.length} --output files for ${chosen.length} --format${chosen.length === 1 ? '' : 's'}: give one -f per -o`);
  return chosen.map((format, index) => (files[index] ? { format, file: files[index] } : { format }));
}

export function addReportCommands(program: Command, io: CliIO, toolVersion: string, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('write a report of governance records for management and auditors: html, md, xlsx (Excel checklist), json')
    .argument('[paths...]', 'files, folders or globs (default: every record under the current folder); with --merge, JSON reports')
    .option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')} (repeatable; default html)`, collectFormat, [] as ReportFormat[])
    .option('-o, --output <file>', 'write the n-th --format to this file instead of stdout (repeatable; xlsx needs one)', collect, [] as string[])
    .option('--lang <language>', 'report language: ja (default) or en; guideline quotes stay Japanese', parseLanguage)
    .option('--merge', 'roll JSON reports of many repositories into one portfolio (per repository, per principle)', false)
    .option('--root <dir>', 'workspace root evidence may not leave (default: the current folder)')
    .option('--review-max-age-days <days>', 'reviews older than this are stale (default 365)', positiveInteger)
    .action(async (paths: string[], opts: { format: ReportFormat[]; output: string[]; lang?: MessageLanguage; merge: boolean; root?: string; reviewMaxAgeDays?: number }) => {
      setExit(
        await runReport(
          { operands: paths, outputs: pairReportOutputs(opts.format, opts.output), language: opts.lang ?? 'ja', merge: opts.merge, root: opts.root, reviewMaxAgeDays: opts.reviewMaxAgeDays },
          io,
          toolVersion,
        ),
      );
    });

  program
    .command('import')
    .description('write the edits of an Excel checklist (from report -f xlsx) back into its record, keeping every comment')
    .argument('<file.xlsx>', 'the edited workbook')
    .requiredOption('--into <record>', 'the record to write into')
    .option('--dry-run', 'only print the changes', false)
    .option('--force', 'import even when the sheet was made from another version of the record', false)
    .option('--lang <language>', 'message language: ja (default) or en', parseLanguage)
    .action(async (workbook: string, opts: { into: string; dryRun: boolean; force: boolean; lang?: MessageLanguage }) => {
      setExit(await runImport({ workbook, into: opts.into, dryRun: opts.dryRun, force: opts.force, language: opts.lang ?? 'ja' }, io));
    });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function rootFor(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? root : dirname(path);
}

/** A report to stdout or to its file, a megabyte at a time (the text of thousands of records is never one string). */
async function write(io: CliIO, output: ReportOutput, body: string | Iterable<string> | Uint8Array): Promise<void> {
  const pieces = typeof body === 'string' || body instanceof Uint8Array ? body : batched(body);
  if (!output.file) {
    if (pieces instanceof Uint8Array) throw new UsageError(`${output.format} is binary: give it a file with -o`);
    if (typeof pieces === 'string') io.stdout.write(pieces);
    else for (const piece of pieces) io.stdout.write(piece);
    return;
  }
  const target = resolve(io.cwd, output.file);
  try {
    await fsp.mkdir(dirname(target), { recursive: true });
    await fsp.writeFile(target, pieces);
  } catch (error) {
    throw new UsageError(`cannot write ${output.file}: ${errorText(error)}`);
  }
}

export async function runReport(args: ReportArgs, io: CliIO, toolVersion: string): Promise<number> {
  const catalog = loadCatalog();
  const generated = new Date().toISOString();
  if (args.outputs.some((o) => o.format === 'xlsx' && !o.file)) throw new UsageError('xlsx is binary: give it a file with -o');
  if (args.merge) {
    if (args.operands.length === 0) throw new UsageError('--merge needs the JSON reports to merge');
    const sources = [];
    for (const operand of args.operands) {
      const text = await fsp.readFile(resolve(io.cwd, operand), 'utf8').catch((error: unknown) => {
        throw new UsageError(`cannot read ${operand}: ${errorText(error)}`);
      });
      try {
        sources.push({ name: basename(operand).replace(/\.json$/i, ''), document: parseJsonReport(text, operand) });
      } catch (error) {
        throw new UsageError(errorText(error));
      }
    }
    const portfolio = buildPortfolio(sources, reportDocument([], toolVersion, generated, catalog).tool, generated);
    for (const output of args.outputs) {
      const body = output.format === 'html' ? portfolioHtml(portfolio, args.language) : output.format === 'md' ? portfolioMarkdown(portfolio, args.language) : output.format === 'xlsx' ? await portfolioXlsx(portfolio, args.language) : JSON.stringify(portfolio, null, 2) + '\n';
      await write(io, output, body);
    }
    return EXIT.ok;
  }

  const root = resolve(io.cwd, args.root ?? '.');
  const { files } = await discoverFiles(args.operands, io.cwd);
  const settings = checkSettings({ language: args.language, reviewMaxAgeDays: args.reviewMaxAgeDays });
  const records: RecordReport[] = [];
  const strings = new StringPool();
  let failed = false;
  // Checked as `check` checks (evidence commit dates included), in worker threads for many records.
  const jobs = files.map((absolutePath): FileJob => ({ kind: 'report', absolutePath, path: displayPath(absolutePath, io.cwd), workspaceRoot: rootFor(absolutePath, root), settings, fix: false, gitDates: true }));
  await forEachFile(jobs, (job, outcome) => {
    if (outcome.kind === 'reported') records.push(strings.share(outcome.record));
    else {
      failed = true;
      io.stderr.write(`ai-governance: cannot read ${job.path}: ${outcome.kind === 'failure' ? outcome.message : 'not reported'}\n`);
    }
  });
  const document = reportDocument(records, toolVersion, generated, catalog);
  for (const output of args.outputs) await write(io, output, await reportChunks(output.format, document, args.language));
  return failed ? EXIT.failure : EXIT.ok;
}

const IMPORT_TEXT = {
  ja: {
    refused: (n: number) => `取り込みを中止しました（${n} 件の問題）。記録は変更していません。`,
    row: (row: number, column: string, message: string) => `  ${row ? `${row} 行目` : '記録'}${column ? ` ${column}` : ''}: ${message}`,
    hash: (path: string) => `このシートは別の版の記録から作成されています（SHA-256 が一致しません）: ${path}。--force で取り込めます。`,
    unchanged: '変更はありません。',
    dryRun: (n: number) => `--dry-run: ${n} 行の変更を書き込みませんでした。`,
    wrote: (path: string, n: number) => `${path} に ${n} 行の変更を書き込みました。`,
    sheetFor: (into: string, names: string) => `${into} のシートがありません（シート: ${names}）`,
  },
  en: {
    refused: (n: number) => `import refused (${n} problem${n === 1 ? '' : 's'}); the record was not changed.`,
    row: (row: number, column: string, message: string) => `  ${row ? `row ${row}` : 'record'}${column ? ` ${column}` : ''}: ${message}`,
    hash: (path: string) => `the sheet was made from another version of the record (SHA-256 differs): ${path}. Use --force to import anyway.`,
    unchanged: 'no changes.',
    dryRun: (n: number) => `--dry-run: ${n} changed row(s) not written.`,
    wrote: (path: string, n: number) => `wrote ${n} changed row(s) into ${path}.`,
    sheetFor: (into: string, names: string) => `no sheet for ${into} (sheets: ${names})`,
  },
} as const;

/** The sheet made from this record: by its path, else the only one there is. */
function sheetFor(sheets: ChecklistSheet[], intoPath: string, hash: string): ChecklistSheet | null {
  return sheets.find((s) => s.sha256 === hash) ?? sheets.find((s) => s.recordPath === intoPath) ?? (sheets.length === 1 ? sheets[0] : null);
}

export async function runImport(args: ImportArgs, io: CliIO): Promise<number> {
  const T = IMPORT_TEXT[args.language];
  const workbookPath = resolve(io.cwd, args.workbook);
  const recordPath = resolve(io.cwd, args.into);
  const bytes = await fsp.readFile(workbookPath).catch((error: unknown) => {
    throw new UsageError(`cannot read ${args.workbook}: ${errorText(error)}`);
  });
  const content = await fsp.readFile(recordPath).catch((error: unknown) => {
    throw new UsageError(`cannot read ${args.into}: ${errorText(error)}`);
  });
  let sheets: ChecklistSheet[];
  try {
    sheets = await readWorkbook(bytes);
  } catch (error) {
    if (error instanceof SheetError) throw new UsageError(`${args.workbook}: ${error.message}`);
    throw error;
  }
  const shown = displayPath(recordPath, io.cwd);
  const hash = sha256(content);
  const sheet = sheetFor(sheets, shown, hash);
  if (!sheet) throw new UsageError(T.sheetFor(shown, sheets.map((s) => `${s.name} → ${s.recordPath}`).join(', ')));
  if (sheet.sha256 !== hash && !args.force) {
    io.stderr.write(`ai-governance: ${T.hash(sheet.recordPath || sheet.name)}\n`);
    return EXIT.problems;
  }
  if (sheet.problems.length) {
    io.stderr.write(`ai-governance: ${T.refused(sheet.problems.length)}\n${sheet.problems.map((p) => T.row(p.row, p.column, p.message)).join('\n')}\n`);
    return EXIT.problems;
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(content);
  const settings = checkSettings({ language: args.language });
  const engine = createEngine({ fs: new CachedFileSystem() });
  const document = engine.check({ path: recordPath, text, workspaceRoot: dirname(recordPath) }, settings);
  const result = importChecklist(engine, document, sheet.rows);
  if (result.problems.length) {
    io.stderr.write(`ai-governance: ${T.refused(result.problems.length)}\n${result.problems.map((p) => T.row(p.row, p.column, p.message)).join('\n')}\n`);
    return EXIT.problems;
  }
  if (result.text === text) {
    io.stdout.write(`${T.unchanged}\n`);
    return EXIT.ok;
  }
  io.stdout.write(createTwoFilesPatch(shown, shown, text, result.text, '', '', { context: 3 }));
  if (args.dryRun) {
    io.stdout.write(`${T.dryRun(result.changes.length)}\n`);
    return EXIT.ok;
  }
  try {
    await fsp.writeFile(recordPath, result.text, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${args.into}: ${errorText(error)}`);
  }
  io.stdout.write(`${T.wrote(shown, result.changes.length)}\n`);
  return EXIT.ok;
}
