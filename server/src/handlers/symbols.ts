import { SymbolKind, type DocumentLink, type DocumentSymbol } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { OutlineSymbol } from '../engine';
import { parsedOf } from '../documentStore';
import type { ServerState } from '../state';
import { runSafeAsync } from './runSafe';

const KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  item: SymbolKind.Property,
  system: SymbolKind.Object,
  field: SymbolKind.Field,
};

function toSymbol(s: OutlineSymbol): DocumentSymbol {
  return { name: s.name || ' ', detail: s.detail, kind: KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toSymbol) };
}

export function registerSymbols({ connection, engine, checks }: ServerState): void {
  connection.onDocumentSymbol((params, token) =>
    runSafeAsync<DocumentSymbol[]>(connection, 'documentSymbol', [], token, async () => {
      const doc = parsedOf(await checks.read(params.textDocument.uri));
      return doc ? engine.outline(doc).map(toSymbol) : [];
    }),
  );
  connection.onDocumentLinks((params, token) =>
    runSafeAsync<DocumentLink[]>(connection, 'documentLink', [], token, async () => {
      const doc = parsedOf(await checks.read(params.textDocument.uri));
      return doc ? engine.links(doc).map((l) => ({ range: l.range, target: URI.file(l.target).toString() })) : [];
    }),
  );
}
