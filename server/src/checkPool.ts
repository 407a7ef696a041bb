/**
 * Checks of files on disk in worker threads, so a workspace scan of a thousand records uses every
 * core instead of parsing one file after another on the thread that answers the editor.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckSettings, EngineDiagnostic } from './engine';

export interface DiskCheckJob {
  path: string;
  workspaceRoot: string;
  settings: CheckSettings;
}

export type DiskCheckResult =
  | { ok: true; text: string; diagnostics: EngineDiagnostic[]; evidence: string[] }
  | { ok: false; error: string };

interface Pending {
  job: DiskCheckJob;
  resolve: (result: DiskCheckResult) => void;
}

export class CheckPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];

  private constructor(workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (result: DiskCheckResult) => this.finish(worker, result));
      worker.on('error', (error) => this.finish(worker, { ok: false, error: String(error) }));
      worker.unref();
      this.idle.push(worker);
    }
  }

  /** A pool beside the bundled server, or undefined (then files are checked on the main thread). */
  static create(directory: string): CheckPool | undefined {
    const script = join(directory, 'checkWorker.js');
    const size = Math.max(1, Math.min(4, cpus().length));
    if (!existsSync(script) || size < 2) return undefined;
    try {
      return new CheckPool(Array.from({ length: size }, () => new Worker(script)));
    } catch {
      return undefined;
    }
  }

  check(job: DiskCheckJob): Promise<DiskCheckResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop() as Worker;
      const pending = this.queue.shift() as Pending;
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }

  private finish(worker: Worker, result: DiskCheckResult): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    pending?.resolve(result);
    this.next();
  }

  dispose(): void {
    for (const worker of [...this.idle, ...this.busy.keys()]) void worker.terminate();
  }
}
