/**
 * What the incremental check needs from the editor: each change as offsets into the text it
 * applies to. The client sends only what changed (TextDocumentSyncKind.Incremental); the
 * TextDocuments configuration below applies the changes one at a time, as the library does, and
 * notes each one, so the offsets are exactly those the document applied (LSP's line model).
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fullIncremental, updateIncremental, type IncrementalResult, type IncrementalState, type TextChange } from './engine/incremental';
import type { CheckEnvironment } from './engine/check';
import type { CheckInput, EngineDiagnostic } from './engine';

/** More changes than this between two checks are not worth replaying: the check is made in full. */
const MAX_LOGGED_CHANGES = 5_000;

interface Log {
  /** the document version the first change applies to */
  from: number;
  /** null once a change could not be logged (a full-text change, too many changes) */
  changes: TextChange[] | null;
}

export class ChangeLog {
  private readonly logs = new Map<string, Log>();

  readonly configuration: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.logs.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      const log = this.logs.get(document.uri) ?? { from: document.version, changes: [] };
      this.logs.set(document.uri, log);
      for (const change of changes) {
        if (log.changes && isRanged(change) && log.changes.length < MAX_LOGGED_CHANGES) {
          log.changes.push({ start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), text: change.text });
        } else log.changes = null;
        TextDocument.update(document, [change], version);
      }
      return document;
    },
  };

  /** The changes from version `from` to the document's current version, or null when they are not all known. */
  take(uri: string, from: number, to: number): TextChange[] | null {
    const log = this.logs.get(uri);
    this.logs.set(uri, { from: to, changes: [] });
    if (!log) return from === to ? [] : null;
    return log.from === from ? log.changes : null;
  }

  forget(uri: string): void {
    this.logs.delete(uri);
  }
}

function isRanged(change: TextDocumentContentChangeEvent): change is Extract<TextDocumentContentChangeEvent, { range: unknown }> {
  return 'range' in change && change.range !== undefined;
}

export interface IncrementalCheckOptions {
  log: ChangeLog;
  /** run a full check beside every incremental one and report any difference (aiGovernance.debug.verifyIncremental) */
  verify(): boolean;
  warn(message: string): void;
}

/** The last incremental state of each open document, and the check of its next version from it. */
export class IncrementalChecks {
  private readonly states = new Map<string, { version: number; state: IncrementalState }>();

  constructor(private readonly o: IncrementalCheckOptions) {}

  /** Checks `input` (the document at `version`) from the state of an earlier version when the changes between are known. */
  check(uri: string, version: number, input: CheckInput, env: CheckEnvironment): IncrementalResult {
    const previous = this.states.get(uri);
    const changes = previous ? this.o.log.take(uri, previous.version, version) : (this.o.log.take(uri, version, version), null);
    let result: IncrementalResult =
      previous && changes ? updateIncremental(previous.state, changes, env) : { state: fullIncremental(input, env), fallback: previous ? 'changes not known' : 'first check' };
    // A safety net: the replayed text must be the editor's.
    if (result.state.input.text !== input.text || result.state.input.path !== input.path || result.state.input.workspaceRoot !== input.workspaceRoot) {
      result = { state: fullIncremental(input, env), fallback: 'replayed text differs' };
    }
    if (result.fallback === null && this.o.verify()) {
      const difference = compare(result.state.diagnostics, fullIncremental(input, env).diagnostics);
      if (difference) this.o.warn(`incremental check of ${uri} (version ${version}) differs from a full check: ${difference}`);
    }
    this.states.set(uri, { version, state: result.state });
    return result;
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.o.log.forget(uri);
  }
}

function keyOf(d: EngineDiagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.code} ${d.message} ${JSON.stringify(d.data)}`;
}

/** The first differences between two lists of diagnostics (order aside), or null when they are the same. */
export function compare(incremental: readonly EngineDiagnostic[], full: readonly EngineDiagnostic[]): string | null {
  const a = incremental.map(keyOf).sort();
  const b = full.map(keyOf).sort();
  if (a.length === b.length && a.every((k, i) => k === b[i])) return null;
  const inA = new Set(a);
  const inB = new Set(b);
  const onlyA = a.filter((k) => !inB.has(k)).slice(0, 3);
  const onlyB = b.filter((k) => !inA.has(k)).slice(0, 3);
  return `${a.length} vs ${b.length} diagnostics; only incremental: ${JSON.stringify(onlyA)}; only full: ${JSON.stringify(onlyB)}`;
}
