/** Worker thread of CheckPool: reads one record from disk at a time and checks it with the engine. */
import { promises as fsp } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { DiskCheckJob, DiskCheckResult } from './checkPool';
import { createEngine, type Engine } from './engine';
import { tooLargeDiagnostic } from './engine/check';
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
  try {
    const stat = await fsp.stat(job.path);
    if (stat.size > job.settings.maxFileSizeBytes) return { ok: true, text: '', diagnostics: [tooLargeDiagnostic(stat.size, job.settings)], evidence: [] };
    const text = await fsp.readFile(job.path, 'utf8');
    const doc = engine.check({ path: job.path, text, workspaceRoot: job.workspaceRoot }, job.settings);
    return { ok: true, text, diagnostics: doc.diagnostics, evidence: engine.links(doc).map((l) => l.target) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
