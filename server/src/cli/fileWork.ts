/**
 * What `check` and `report` do to one record: read and check it (readAndCheck, as the server does),
 * optionally apply the safe fixes, re-check with its evidence files' commit dates, and keep only
 * what the output needs. Done in worker threads when a run has many files and the
 * machine has cores to spare (each runs dist/fileWorker.js, beside dist/cli.js), on the main thread
 * otherwise; either way the results come back in the order of the files.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { createEngine, type CheckedDocument, type CheckSettings, type Engine, type EngineDiagnostic, type RecordReport } from '../engine';
import { locate } from '../engine/locate';
import { GitDates } from '../gitDates';
import { readAndCheck } from '../readAndCheck';
import { CommitReader } from '../report/commits';
import { sha256 } from '../report/facts';
import { WorkerPool } from '../workerPool';
import { CachedFileSystem } from '../workspace';
import { applyEdits, describeFix, type FixChange } from './fix';
import type { CoverageTotals } from './report';

export interface FileJob {
  kind: 'check' | 'report';
  absolutePath: string;
  /** as shown in reports */
  path: string;
  workspaceRoot: string;
  settings: CheckSettings;
  /** check only: apply the safe fixes and write the file */
  fix: boolean;
  /** read evidence files' last commit dates from .git */
  gitDates: boolean;
}

export type FileOutcome =
  | {
      kind: 'checked';
      /** in reading order */
      diagnostics: EngineDiagnostic[];
      /** the key path of the node each finding starts on, by index (what a baseline matches instead of the line) */
      keyPaths: Array<Array<string | number>>;
      coverage: CoverageTotals | null;
      changes: FixChange[];
    }
  | { kind: 'reported'; record: RecordReport }
  | { kind: 'failure'; message: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** In reading order; findings on the same spot keep the engine's rule order. */
function byPosition(diagnostics: EngineDiagnostic[]): EngineDiagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character || a.index - b.index)
    .map((x) => x.d);
}

function keyPathsOf(document: CheckedDocument, diagnostics: EngineDiagnostic[]): Array<Array<string | number>> {
  const record = document.state === 'parsed' ? document.record : null;
  return diagnostics.map((d) => {
    const at = record ? locate(record.parsed.root, record.parsed.lines.offset(d.range.start)) : null;
    return at ? [...at.path] : [];
  });
}

/** One engine, evidence view, git reader and commit reader for all the files a thread is given. */
export class FileWork {
  private readonly engine: Engine = createEngine({ fs: new CachedFileSystem() });
  private gitDates: GitDates | undefined;
  private readonly commits = new CommitReader();

  async run(job: FileJob): Promise<FileOutcome> {
    try {
      return await this.work(job);
    } catch (error) {
      return { kind: 'failure', message: errorText(error) };
    }
  }

  private async work(job: FileJob): Promise<FileOutcome> {
    const { engine } = this;
    const { absolutePath: path, workspaceRoot, settings } = job;
    const read = await readAndCheck(engine, path, workspaceRoot, settings);
    if (!read.ok) return { kind: 'failure', message: read.error };
    let { document } = read;
    const changes: FixChange[] = [];
    if (job.fix && document.state === 'parsed') {
      const safe = engine.fixAll(document);
      const text = document.input.text;
      const fixed = safe && safe.edits.length > 0 ? applyEdits(text, safe.edits) : text;
      if (safe && fixed !== text) {
        await fsp.writeFile(path, fixed, 'utf8');
        changes.push(...describeFix(safe));
        document = engine.check({ path, text: fixed, workspaceRoot }, settings);
      }
    }
    document = await this.withEvidenceDates(document, job.gitDates);
    if (job.kind === 'report') return { kind: 'reported', record: engine.report(document, { path: job.path, sha256: read.bytes ? sha256(read.bytes) : '', commit: await this.commits.commitOf(path) }) };
    const diagnostics = byPosition(document.diagnostics);
    const coverage = engine.coverage(document);
    return { kind: 'checked', diagnostics, keyPaths: keyPathsOf(document, diagnostics), coverage: coverage && { summary: coverage.summary, incomplete: coverage.incomplete }, changes };
  }

  /** The record again with the last-commit dates of its evidence files, when git has any (else as it was). */
  private async withEvidenceDates(document: CheckedDocument, useGit: boolean): Promise<CheckedDocument> {
    if (!useGit || document.state !== 'parsed') return document;
    const targets = this.engine.evidenceTargets(document);
    if (targets.length === 0) return document;
    this.gitDates ??= new GitDates();
    const evidenceDates = await this.gitDates.datesFor(targets);
    if (Object.keys(evidenceDates).length === 0) return document;
    // The parse is kept; only the rules run again, now knowing when each evidence file last changed.
    const dated = { ...document, input: { ...document.input, evidenceDates } };
    return { ...dated, diagnostics: this.engine.validate(dated, document.settings) };
  }
}

/** Below this many files a run stays on one thread: starting a worker costs more than it saves. */
const POOL_THRESHOLD = 16;

/**
 * Runs every job and hands each outcome to `each` in the order of the jobs. Workers run
 * dist/fileWorker.js; from the sources (tests in-process) the work stays on this
 * thread. At most a few jobs per worker are in flight, so finished outcomes never pile up.
 */
export async function forEachFile(jobs: readonly FileJob[], each: (job: FileJob, outcome: FileOutcome, index: number) => void | Promise<void>): Promise<void> {
  const pool = jobs.length >= POOL_THRESHOLD ? WorkerPool.create<FileJob, FileOutcome>(join(__dirname, 'fileWorker.js'), (message) => ({ kind: 'failure', message })) : undefined;
  if (!pool) {
    const work = new FileWork();
    for (const [index, job] of jobs.entries()) await each(job, await work.run(job), index);
    return;
  }
  const inFlight = new Map<number, Promise<FileOutcome>>();
  let next = 0;
  // The pool's workers do not keep a process alive (a server must be able to exit): this run does.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    for (let index = 0; index < jobs.length; index++) {
      while (next < jobs.length && next < index + pool.size * 4) {
        inFlight.set(next, pool.run(jobs[next]));
        next++;
      }
      const outcome = await (inFlight.get(index) as Promise<FileOutcome>);
      inFlight.delete(index);
      await each(jobs[index], outcome, index);
    }
  } finally {
    clearInterval(keepAlive);
    pool.dispose();
  }
}

/** The worker side: one job at a time, answered with its outcome. */
export function runFileWorker(): void {
  const work = new FileWork();
  parentPort?.on('message', (job: FileJob) => {
    void work.run(job).then((outcome) => parentPort?.postMessage(outcome));
  });
}
