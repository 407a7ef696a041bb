/**
 * `ai-governance report` over many records: the whole command in-process (discovery, read, check,
 * report data, rendering, writing), once per format, as a CI job would run it.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { run } from '../server/src/cli/main';

export interface ReportBench {
  files: number;
  /** wall time of one `report -f <format> -o file` per format */
  ms: Record<'json' | 'html' | 'md' | 'xlsx', number>;
}

const quiet = { write: () => true };

export async function benchReport(folder: string, files: number): Promise<ReportBench> {
  const ms = { json: 0, html: 0, md: 0, xlsx: 0 };
  for (const format of Object.keys(ms) as Array<keyof typeof ms>) {
    const start = performance.now();
    const code = await run(['report', '.', '-f', format, '-o', join(folder, `..`, `report-bench.${format}`)], { stdout: quiet, stderr: quiet, cwd: folder, env: {} });
    ms[format] = performance.now() - start;
    if (code !== 0) throw new Error(`report -f ${format} exited ${code}`);
  }
  return { files, ms };
}
