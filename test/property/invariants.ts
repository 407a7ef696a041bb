/**
 * What must hold for every input, checked against references independent of the engine: LSP's own
 * TextDocument for positions (every line-ending kind, UTF-16 columns) and for applying edits, the
 * `yaml` library's lexer for comments and its parser for validity.
 */
import assert from 'node:assert/strict';
import { Lexer, parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, Position, Range, TextEdit } from '../../server/src/engine';

export function referenceDocument(text: string): TextDocument {
  return TextDocument.create('file:///ws/ai-governance.yaml', 'yaml', 1, text);
}

/** A position lies inside the document when LSP's own document maps it to itself (no clamping). */
export function assertPositionInside(doc: TextDocument, p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${what}: ${JSON.stringify(p)}`);
  assert.ok(p.line < doc.lineCount, `${what}: line ${p.line} of ${doc.lineCount}`);
  assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `${what}: ${JSON.stringify(p)} lies past its line's end`);
}

export function assertRangeInside(doc: TextDocument, r: Range, what: string): void {
  assertPositionInside(doc, r.start, `${what} start`);
  assertPositionInside(doc, r.end, `${what} end`);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: start after end ${JSON.stringify(r)}`);
}

/** Comments as the YAML lexer sees them (trimmed), so a fix can be checked to keep every one. */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trim());
  return out;
}

export function yamlErrors(text: string): number {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  return Array.isArray(docs) ? docs.reduce((n, d) => n + d.errors.length, 0) : 0;
}

function assertNoOverlap(doc: TextDocument, edits: TextEdit[], what: string): void {
  const spans = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1] && !(spans[i][0] === spans[i - 1][0] && spans[i][1] === spans[i - 1][1]), `${what}: overlapping edits`);
}

/** What a fix is compared against, read once per text however many fixes it has. */
const before = { text: null as string | null, valid: false, comments: [] as string[], doc: referenceDocument('') };

/** Every offered fix: edits inside and apart, valid YAML kept valid, every comment kept, re-check clean of exceptions. */
export function assertFixSafe(text: string, edits: TextEdit[], title: string, check: (text: string) => unknown): void {
  if (before.text !== text) Object.assign(before, { text, valid: yamlErrors(text) === 0, comments: commentsOf(text), doc: referenceDocument(text) });
  const doc = before.doc;
  edits.forEach((e, i) => assertRangeInside(doc, e.range, `${title} edit ${i}`));
  assertNoOverlap(doc, edits, title);
  const after = TextDocument.applyEdits(doc, edits);
  if (before.valid) assert.equal(yamlErrors(after), 0, `${title} broke valid YAML:\n${after}`);
  const remaining = new Set(commentsOf(after));
  for (const c of before.comments) assert.ok(remaining.has(c), `${title} dropped the comment ${c}`);
  check(after);
}

/** The engine-level invariants of one text. Returns how many fixes were tried. */
export function checkEngineInvariants(engine: Engine, text: string, positions: number[]): number {
  const input = { path: '/ws/ai-governance.yaml', text, workspaceRoot: '/ws' };
  const reference = referenceDocument(text);
  const checked = engine.check(input);
  for (const d of checked.diagnostics) assertRangeInside(reference, d.range, `${d.code} diagnostic`);
  for (const s of engine.outline(checked)) {
    assertRangeInside(reference, s.range, `symbol ${s.name}`);
    assertRangeInside(reference, s.selectionRange, `symbol ${s.name} selection`);
    for (const c of s.children) {
      assertRangeInside(reference, c.range, `symbol ${c.name}`);
      assertRangeInside(reference, c.selectionRange, `symbol ${c.name} selection`);
    }
  }
  for (const l of engine.links(checked)) assertRangeInside(reference, l.range, 'link');
  for (const at of positions) {
    const position = reference.positionAt(at % (text.length + 1));
    const hover = engine.hover(checked, position, 'ja');
    if (hover) assertRangeInside(reference, hover.range, 'hover');
    engine.complete(checked, position, 'ja', ['docs/a.md']);
  }
  let tried = 0;
  const recheck = (after: string) => engine.check({ ...input, text: after });
  // The fixes of one finding per code (others of a code are built the same way), each distinct edit once.
  const seen = new Set<string>();
  const codes = new Set<string>();
  for (const d of checked.diagnostics) {
    if (codes.has(d.code)) continue;
    codes.add(d.code);
    for (const fix of engine.fixes(checked, [d])) {
      const key = JSON.stringify(fix.edits);
      if (!fix.edits.length || seen.has(key)) continue;
      seen.add(key);
      tried++;
      assertFixSafe(text, fix.edits, fix.title, recheck);
    }
  }
  const all = engine.fixAll(checked);
  if (all) assertFixSafe(text, all.edits, all.title, recheck);
  return tried;
}
