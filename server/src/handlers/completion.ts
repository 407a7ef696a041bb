import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { CompletionEntry } from '../engine';
import { parsedOf } from '../documentStore';
import type { ServerState } from '../state';
import { runSafeAsync } from './runSafe';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  item: CompletionItemKind.Reference,
  value: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Property,
  file: CompletionItemKind.File,
  snippet: CompletionItemKind.Snippet,
};

export function registerCompletion({ connection, engine, checks, folders }: ServerState): void {
  connection.onCompletion((params, token) =>
    runSafeAsync<CompletionItem[]>(connection, 'completion', [], token, async () => {
      const entry = await checks.read(params.textDocument.uri);
      const doc = parsedOf(entry);
      if (!entry || !doc) return [];
      const entries = engine.complete(doc, params.position, entry.settings.check.language, folders.evidenceCandidates(doc.input.path));
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
