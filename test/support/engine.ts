/** Test helpers: an engine over an in-memory file system, and inline YAML with a caret marker. */
import { createEngine, type CheckSettings, type CheckedDocument, type EngineDiagnostic, type Position, type RuleCode } from '../../server/src/engine';
import { applyOffsetEdits } from '../../server/src/engine/edits';
import { LineIndex } from '../../server/src/engine/positions';
import type { TextEdit } from '../../server/src/engine/types';

export const WORKSPACE = '/ws';
export const RECORD = '/ws/ai-governance.yaml';

export function makeEngine(files: string[] = [], today = '2026-11-22') {
  const existing = new Set(files.map((f) => (f.startsWith('/') ? f : `${WORKSPACE}/${f}`)));
  return createEngine({ fs: { exists: (p) => existing.has(p) }, today: () => today });
}

export interface Checked {
  doc: CheckedDocument;
  diagnostics: EngineDiagnostic[];
  codes: RuleCode[];
  /** diagnostics of one code */
  of(code: RuleCode): EngineDiagnostic[];
}

export function check(text: string, options: { files?: string[]; settings?: Partial<CheckSettings>; today?: string } = {}): Checked {
  const engine = makeEngine(options.files, options.today);
  const doc = engine.check({ path: RECORD, text, workspaceRoot: WORKSPACE }, options.settings);
  return { doc, diagnostics: doc.diagnostics, codes: doc.diagnostics.map((d) => d.code), of: (code) => doc.diagnostics.filter((d) => d.code === code) };
}

/** Splits `text` at the first `|` caret: the text without it, and the caret's position. */
export function caret(textWithCaret: string): { text: string; position: Position } {
  const at = textWithCaret.indexOf('|');
  if (at === -1) throw new Error('no | caret in test text');
  const text = textWithCaret.slice(0, at) + textWithCaret.slice(at + 1);
  return { text, position: new LineIndex(text).position(at) };
}

/** The source text a diagnostic's range covers. */
export function textAt(text: string, d: { range: { start: Position; end: Position } }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(d.range.start), lines.offset(d.range.end));
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyOffsetEdits(
    text,
    edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText })),
  );
}

/** A complete developer record: every required item present and in order (built from the catalog). */
export const HEADER = `apiVersion: ai-governance/v1
guideline: "2026"
organization:
  name: 株式会社テスト
  accountable: 最高AI責任者 山田花子
  contact: ai@example.co.jp
`;
