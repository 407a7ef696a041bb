/**
 * Jobs in worker threads, so a workspace scan (the server) or a check of a thousand records (the
 * CLI) uses every core instead of parsing one file after another on one thread. Workers start on
 * the first job and stop after a quiet spell: a session that checks a handful of records never pays
 * for them. A worker runs a small bundle of its own (dist/checkWorker.js for the server,
 * dist/fileWorker.js for the CLI) that holds only what checking a record needs.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';

interface Pending<Job, Result> {
  job: Job;
  resolve: (result: Result) => void;
}

/** How long idle workers are kept for the next batch before their memory is given back. */
const IDLE_STOP_MS = 10_000;

export class WorkerPool<Job, Result> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending<Job, Result>>();
  private readonly queue: Array<Pending<Job, Result>> = [];
  private stopTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly script: string,
    readonly size: number,
    /** the answer to a job whose worker failed or could not start */
    private readonly failed: (error: string) => Result,
  ) {}

  /**
   * A pool whose workers run `script` (a bundle), or undefined on one core or without the script
   * (then the caller does the work on its own thread).
   */
  static create<Job, Result>(script: string, failed: (error: string) => Result): WorkerPool<Job, Result> | undefined {
    const size = Math.max(1, Math.min(4, cpus().length));
    return script.endsWith('.js') && existsSync(script) && size >= 2 ? new WorkerPool<Job, Result>(script, size, failed) : undefined;
  }

  run(job: Job): Promise<Result> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.next();
    });
  }

  private spawn(): Worker | undefined {
    try {
      const worker = new Worker(this.script);
      worker.on('message', (result: Result) => this.finish(worker, result));
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
      const pending = this.queue.shift() as Pending<Job, Result>;
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
    if (this.busy.size === 0 && this.queue.length) {
      // No worker could start: fail the jobs rather than leave them waiting forever.
      for (const pending of this.queue.splice(0)) pending.resolve(this.failed('no worker thread could be started'));
    }
    if (this.busy.size === 0) this.stopTimer = setTimeout(() => this.stopIdle(), IDLE_STOP_MS).unref();
  }

  private finish(worker: Worker, result: Result): void {
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
      pending.resolve(this.failed(error));
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
