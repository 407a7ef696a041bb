/** Worker thread of CheckPool: reads one record from disk at a time and checks it, exactly as the main thread would. */
import { parentPort } from 'node:worker_threads';
import type { DiskCheckJob, DiskCheckResult } from './checkPool';
import { createEngine, type Engine } from './engine';
import { readAndCheck } from './readAndCheck';
import { CachedFileSystem } from './workspace';

export function runCheckWorker(): void {
  const fs = new CachedFileSystem();
  const engine = createEngine({ fs });
  parentPort?.on('message', (job: DiskCheckJob) => {
    // A scan is a fresh look at the disk: evidence seen by an earlier scan may be gone.
    fs.clear();
    void check(engine, job).then((result) => parentPort?.postMessage(result));
  });
}

async function check(engine: Engine, job: DiskCheckJob): Promise<DiskCheckResult> {
  const result = await readAndCheck(engine, job.path, job.workspaceRoot, job.settings);
  if (!result.ok) return result;
  const { document } = result;
  const size = document.state === 'too-large' ? document.size : undefined;
  return { ok: true, text: document.input.text, size, diagnostics: document.diagnostics, evidence: engine.links(document).map((l) => l.target) };
}
