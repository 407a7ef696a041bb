import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { CompletionEntry } from '../engine';
import type { ServerState } from '../server';
import { runSafe } from './runSafe';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  item: CompletionItemKind.Reference,
  value: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Property,
  file: CompletionItemKind.File,
  snippet: CompletionItemKind.Snippet,
};

export function registerCompletion({ connection, engine, checkedFor, evidenceCandidates }: ServerState): void {
  connection.onCompletion((params, token) =>
    runSafe<CompletionItem[]>(connection, 'completion', [], token, () => {
      const doc = checkedFor(params.textDocument.uri);
      if (!doc) return [];
      const entries = engine.complete(doc, params.position, evidenceCandidates(doc.input.path));
      return entries.map((e) => ({
        label: e.label,
        labelDetails: e.labelDetail ? { description: e.labelDetail } : undefined,
        kind: KIND[e.kind],
        detail: e.detail,
        documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
        filterText: e.filterText,
        sortText: e.sortText,
        textEdit: e.range ? { range: e.range, newText: e.insertText } : undefined,
        insertText: e.range ? undefined : e.insertText,
        insertTextFormat: e.snippet ? InsertTextFormat.Snippet : undefined,
        insertTextMode: e.snippet ? InsertTextMode.adjustIndentation : undefined,
      }));
    }),
  );
}
