/** The shape of bench/results.json: what bench/run.ts measures and bench/table.ts prints. */
import type { ReportBench } from './report';

export type EditKind = 'inside' | 'addRemove' | 'topLevel';

export interface EditTimes {
  edits: number;
  p50Ms: number;
  p95Ms: number;
}

export interface InputResult {
  lines: number;
  bytes: number;
  findings: number;
  floorMs: number;
  engineMs: number;
  /** engine only: one keystroke inside an entry, applied incrementally */
  incrementalMs: number;
  openMs: number;
  peerOpenMs: number | null;
  peerOpenNoDelayMs: number | null;
  openVsPeer: number | null;
  openVsPeerNoDelay: number | null;
  edits: Record<EditKind, EditTimes>;
  hoverWhileTypingP95Ms: number;
  completionWhileTypingP95Ms: number;
  /** bytes of the last publishDiagnostics of the edited document, as JSON */
  diagnosticsJsonKB: number;
  serverPeakRssMB: number | null;
}

export interface ScanResult {
  files: number;
  serverMs: number;
  serverPeakRssMB: number | null;
  /** while the scan runs: typing in an open record, edit→diagnostics p95 and hover p95 */
  editDuringScanP95Ms: number | null;
  hoverDuringScanP95Ms: number | null;
  cliMs: number;
  cliPeakRssMB: number | null;
  cliFormat: string;
}

export interface BenchResults {
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  date: string;
  runs: number;
  inputs: Record<string, InputResult>;
  peerPeakRssMB: number | null;
  storm: { changes: number; ms: number; published: number; lastVersion: number };
  codeActionsTypical: { findings: number; p50Ms: number; p95Ms: number };
  scans: Record<string, ScanResult>;
  report?: ReportBench;
}
