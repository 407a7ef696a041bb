/**
 * `check --fix`: the engine's safe fixes (the same `source.fixAll` the editor applies on save),
 * written back in place. The edits are text replacements, so comments and layout stay as they were.
 */
import type { Fix, TextEdit } from '../engine';
import { LineIndex } from '../engine/positions';

export interface FixChange {
  /** the key as it was written */
  from: string;
  /** what it became */
  to: string;
}

/** Applies edits whose ranges all refer to `text` (LSP positions), last first so earlier offsets hold. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** What a fix changes, for the log: item keys from → to. */
export function describeFix(fix: Fix): FixChange[] {
  return fix.diagnostics.flatMap((d) => (d.data.itemKey !== undefined && d.data.canonical ? [{ from: d.data.itemKey, to: d.data.canonical }] : []));
}
