/** Worker thread of the server's scan pool: reads one record from disk at a time and checks it, exactly as the main thread would. */
import { parentPort } from 'node:worker_threads';
import { createEngine, type CheckSettings, type Engine } from './engine';
import { packFindings, type PackedFindings } from './packedFindings';
import { WorkerPool } from './workerPool';
import { readAndCheck } from './readAndCheck';
import { CachedFileSystem } from './workspace';

export interface DiskCheckJob {
  path: string;
  workspaceRoot: string;
  settings: CheckSettings;
}

export type DiskCheckResult =
  /** `size` is set when the file is over the size limit (it was never read) */
  | { ok: true; size?: number; findings: PackedFindings; evidence: string[] }
  | { ok: false; error: string };

export type CheckPool = WorkerPool<DiskCheckJob, DiskCheckResult>;

/** The scan's pool (undefined on one core: the scan then checks on the main thread). */
export const createCheckPool = (script: string): CheckPool | undefined => WorkerPool.create<DiskCheckJob, DiskCheckResult>(script, (error) => ({ ok: false, error }));

export function runCheckWorker(): void {
  const fs = new CachedFileSystem();
  const engine = createEngine({ fs });
  parentPort?.on('message', (job: DiskCheckJob) => {
    // A scan is a fresh look at the disk: evidence seen by an earlier scan may be gone.
    fs.clear();
    // The ranges' buffer is handed over, not copied.
    void check(engine, job).then((result) => parentPort?.postMessage(result, result.ok ? [result.findings.positions.buffer as ArrayBuffer] : []));
  });
}

async function check(engine: Engine, job: DiskCheckJob): Promise<DiskCheckResult> {
  const result = await readAndCheck(engine, job.path, job.workspaceRoot, job.settings);
  if (!result.ok) return result;
  const { document } = result;
  const size = document.state === 'too-large' ? document.size : undefined;
  return { ok: true, size, findings: packFindings(document.diagnostics), evidence: engine.evidenceTargets(document) };
}
