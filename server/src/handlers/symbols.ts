import { SymbolKind, type DocumentLink, type DocumentSymbol } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { OutlineSymbol } from '../engine';
import type { ServerState } from '../server';
import { runSafe } from './runSafe';

const KIND: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  item: SymbolKind.Property,
  system: SymbolKind.Object,
  field: SymbolKind.Field,
};

function toSymbol(s: OutlineSymbol): DocumentSymbol {
  return { name: s.name || ' ', detail: s.detail, kind: KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toSymbol) };
}

export function registerSymbols({ connection, engine, checkedFor }: ServerState): void {
  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(connection, 'documentSymbol', [], token, () => {
      const doc = checkedFor(params.textDocument.uri);
      return doc ? engine.outline(doc).map(toSymbol) : [];
    }),
  );
  connection.onDocumentLinks((params, token) =>
    runSafe<DocumentLink[]>(connection, 'documentLink', [], token, () => {
      const doc = checkedFor(params.textDocument.uri);
      return doc ? engine.links(doc).map((l) => ({ range: l.range, target: URI.file(l.target).toString() })) : [];
    }),
  );
}
