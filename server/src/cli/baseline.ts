/**
 * `check --baseline previous.json`: an earlier run's `-f json` output names the findings a team
 * already knows about; only the others are reported and fail the run. A finding is matched by
 * file, rule code and what it is about — the item id, evidence path or safeguard, and the key path
 * to the YAML node it sits on — never by line, so lines added above a known finding keep it known.
 * Counts matter: two known findings with the same key and a third one like them make one new.
 */
import type { DiagnosticData } from '../engine';
import { UsageError } from './io';
import type { FileResult } from './report';

export type KeyPath = ReadonlyArray<string | number>;
export type BaselineState = 'new' | 'unchanged';

/** A finding of the baseline run, as its JSON report has it. */
export interface BaselineFinding {
  path: string;
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  /** what the finding is about, without its key path */
  subject: string;
  keyPath?: KeyPath;
}

const normalisePath = (path: string) => path.replace(/\\/g, '/').replace(/^\.\//, '');

/** What a finding is about, independent of where in the file it now is. */
export function findingSubject(data: Partial<DiagnosticData> | undefined): string {
  const d = data ?? {};
  return JSON.stringify([d.itemId ?? '', d.evidence ?? '', d.safeguard ?? '', d.missingSubItems ?? []]);
}

function key(path: string, code: string, subject: string, keyPath?: KeyPath): string {
  return JSON.stringify(keyPath ? [normalisePath(path), code, subject, keyPath] : [normalisePath(path), code, subject]);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 1);

/** Reads a `-f json` report; anything else is a usage error (exit 2), never a silent empty baseline. */
export function readBaseline(text: string, source: string): BaselineFinding[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`--baseline ${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.files)) throw new UsageError(`--baseline ${source} is not the -f json output of ai-governance check (no "files" list)`);
  const out: BaselineFinding[] = [];
  for (const file of parsed.files) {
    if (!isRecord(file) || typeof file.path !== 'string' || !Array.isArray(file.diagnostics)) throw new UsageError(`--baseline ${source}: a file entry without "path" and "diagnostics"`);
    for (const d of file.diagnostics) {
      if (!isRecord(d) || typeof d.code !== 'string') throw new UsageError(`--baseline ${source}: a finding of ${file.path} without "code"`);
      const keyPath = Array.isArray(d.keyPath) && d.keyPath.every((k) => typeof k === 'string' || typeof k === 'number') ? (d.keyPath as KeyPath) : undefined;
      out.push({
        path: normalisePath(file.path),
        code: d.code,
        message: typeof d.message === 'string' ? d.message : d.code,
        line: num(d.line),
        column: num(d.column),
        endLine: num(d.endLine),
        endColumn: num(d.endColumn),
        severity: typeof d.severity === 'string' ? d.severity : 'warning',
        subject: findingSubject(isRecord(d.data) ? (d.data as Partial<DiagnosticData>) : undefined),
        keyPath,
      });
    }
  }
  return out;
}

/**
 * Each current finding is `unchanged` when the baseline has one like it left (same file, code,
 * subject and key path; a baseline written without key paths matches on the rest), else `new`.
 * Files are matched one at a time, as a run finishes them; what is left at the end is absent.
 */
export class BaselineMatcher {
  private readonly remaining = new Map<string, BaselineFinding[]>();
  unchanged = 0;

  constructor(baseline: readonly BaselineFinding[]) {
    for (const b of baseline) {
      const k = key(b.path, b.code, b.subject, b.keyPath);
      const list = this.remaining.get(k);
      if (list) list.push(b);
      else this.remaining.set(k, [b]);
    }
  }

  /** The state of each finding of the file, by index. */
  match(file: FileResult): BaselineState[] {
    return file.diagnostics.map((d, i) => {
      const subject = findingSubject(d.data);
      const candidates = [key(file.path, d.code, subject, file.keyPaths?.[i] ?? []), key(file.path, d.code, subject)];
      const hit = candidates.map((k) => this.remaining.get(k)).find((list) => list && list.length > 0);
      if (!hit) return 'new';
      hit.shift();
      this.unchanged++;
      return 'unchanged';
    });
  }

  /** Known findings that no longer occur (fixed since the baseline): call after the last file. */
  absent(): BaselineFinding[] {
    return [...this.remaining.values()].flat();
  }
}

/** The file with only its new findings: what the human and CI formats show and fail on. */
export function onlyNew(file: FileResult): FileResult {
  const states = file.baselineStates;
  if (!states) return file;
  const keep = file.diagnostics.map((_, i) => states[i] !== 'unchanged');
  const pick = <T>(values: readonly T[] | undefined) => values?.filter((_, i) => keep[i]);
  return { ...file, diagnostics: file.diagnostics.filter((_, i) => keep[i]), keyPaths: pick(file.keyPaths), baselineStates: pick(states) };
}
