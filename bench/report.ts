/**
 * `ai-governance report` over many records: the built CLI as a CI job runs it (discovery, read,
 * check in worker threads, report data, rendering, writing), once per format, with its peak RSS.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ReportBench {
  files: number;
  /** wall time of one `report -f <format> -o file` per format */
  ms: Record<ReportFormat, number>;
  peakRssMB: Record<ReportFormat, number | null>;
}

type ReportFormat = 'json' | 'html' | 'md' | 'xlsx';

/** The built CLI over a folder; `preload` prints the process's peak RSS on exit (maxrss_mb=…). */
export function timeCli(cli: string, args: string[], cwd: string, preload: string): Promise<{ ms: number; peakRssMB: number | null }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', preload, cli, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const m = /maxrss_mb=(\d+)/.exec(stderr);
      if (code !== 0 && code !== 1) reject(new Error(`${args[0]} exited ${code}: ${stderr.slice(-500)}`));
      else resolve({ ms: performance.now() - start, peakRssMB: m ? Number(m[1]) : null });
    });
  });
}

export async function benchReport(cli: string, folder: string, files: number, preload: string): Promise<ReportBench> {
  const result: ReportBench = { files, ms: { json: 0, html: 0, md: 0, xlsx: 0 }, peakRssMB: { json: null, html: null, md: null, xlsx: null } };
  for (const format of Object.keys(result.ms) as ReportFormat[]) {
    const run = await timeCli(cli, ['report', '.', '-f', format, '-o', join(folder, '..', `report-bench.${format}`)], folder, preload);
    result.ms[format] = run.ms;
    result.peakRssMB[format] = run.peakRssMB;
  }
  return result;
}
