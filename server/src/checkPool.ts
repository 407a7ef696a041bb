/**
 * Checks of files on disk in worker threads, so a workspace scan of a thousand records uses every
 * core instead of parsing one file after another on the thread that answers the editor. Workers
 * start on the first job and stop after a quiet spell: an editing session that scans a handful of
 * records never pays for them.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckSettings, EngineDiagnostic } from './engine';

export interface DiskCheckJob {
  path: string;
  workspaceRoot: string;
  settings: CheckSettings;
}

export type DiskCheckResult =
  /** `size` is set when the file is over the size limit (then `text` is empty: it was never read) */
  | { ok: true; text: string; size?: number; diagnostics: EngineDiagnostic[]; evidence: string[] }
  | { ok: false; error: string };

interface Pending {
  job: DiskCheckJob;
  resolve: (result: DiskCheckResult) => void;
}

/** How long idle workers are kept for the next batch before their memory is given back. */
const IDLE_STOP_MS = 10_000;

export class CheckPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private stopTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly script: string,
    private readonly size: number,
  ) {}

  /**
   * A pool whose workers run `script` (the bundled server, which turns into a worker when started in a
   * worker thread: see main.ts), or undefined on one core or without the script (check on the main thread).
   */
  static create(script: string): CheckPool | undefined {
    const size = Math.max(1, Math.min(4, cpus().length));
    return existsSync(script) && size >= 2 ? new CheckPool(script, size) : undefined;
  }

  check(job: DiskCheckJob): Promise<DiskCheckResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.next();
    });
  }

  private spawn(): Worker | undefined {
    try {
      const worker = new Worker(this.script);
      worker.on('message', (result: DiskCheckResult) => this.finish(worker, result));
      // A worker that failed is gone: its job is answered with the error and it is never reused.
      worker.on('error', (error) => this.lose(worker, String(error)));
      worker.on('exit', () => this.lose(worker, 'worker thread stopped'));
      worker.unref();
      return worker;
    } catch {
      return undefined;
    }
  }

  private next(): void {
    clearTimeout(this.stopTimer);
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) break;
      const pending = this.queue.shift() as Pending;
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
    if (this.busy.size === 0 && this.queue.length) {
      // No worker could start: fail the jobs rather than leave them waiting forever.
      for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, error: 'no worker thread could be started' });
    }
    if (this.busy.size === 0) this.stopTimer = setTimeout(() => this.stopIdle(), IDLE_STOP_MS).unref();
  }

  private finish(worker: Worker, result: DiskCheckResult): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    pending?.resolve(result);
    this.next();
  }

  private lose(worker: Worker, error: string): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at !== -1) this.idle.splice(at, 1);
    if (pending) {
      pending.resolve({ ok: false, error });
      this.next();
    }
  }

  private stopIdle(): void {
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }

  dispose(): void {
    clearTimeout(this.stopTimer);
    this.stopIdle();
    for (const worker of this.busy.keys()) void worker.terminate();
  }
}
