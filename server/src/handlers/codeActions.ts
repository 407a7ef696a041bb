import {
  CodeActionKind,
  Command,
  CreateFile,
  TextDocumentEdit,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Fix } from '../engine';
import { checkedOf, versionOf } from '../documentStore';
import type { ServerState } from '../state';
import { lspDiagnostics, sameDiagnostic } from './convert';
import { runSafeAsync } from './runSafe';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ai-governance`;

function workspaceEdit(uri: string, version: number | null, fix: Fix): WorkspaceEdit {
  if (!fix.createFile) return { changes: { [uri]: fix.edits } };
  const newUri = URI.file(fix.createFile.path).toString();
  return {
    documentChanges: [
      CreateFile.create(newUri, { ignoreIfExists: true }),
      TextDocumentEdit.create({ uri: newUri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fix.createFile.content }]),
      TextDocumentEdit.create({ uri, version }, fix.edits),
    ],
  };
}

/** The client's commands that show what a fix points at (client/src/commands.ts). */
const SHOW_COMMANDS = { 'item-text': 'aiGovernance.showItemText', 'rule-documentation': 'aiGovernance.showRuleDocumentation' } as const;

/** `data.fixId` carries the fix's stable id, so clients and tests never match on the localised title. */
function toAction(uri: string, version: number | null, fix: Fix, kind: string, diagnostics: Diagnostic[]): CodeAction {
  const data = { fixId: fix.id };
  if (fix.show) {
    const argument = fix.show.what === 'item-text' ? fix.show.id : fix.show.code;
    return { title: fix.title, kind, diagnostics, command: Command.create(fix.title, SHOW_COMMANDS[fix.show.what], argument), data };
  }
  return { title: fix.title, kind, isPreferred: fix.isPreferred, diagnostics, edit: workspaceEdit(uri, version, fix), data };
}

export function registerCodeActions({ connection, engine, checks, client }: ServerState): void {
  connection.onCodeAction((params, token) =>
    runSafeAsync<CodeAction[]>(connection, 'codeAction', [], token, async () => {
      const uri = params.textDocument.uri;
      // Fixes are built from this version's check: it runs now if the editor asks before it was due.
      const entry = await checks.checked(uri);
      const doc = checkedOf(entry);
      if (!entry || !doc) return [];
      // The edits refer to the text they were computed from: the client drops them if it has moved on.
      const version = versionOf(entry) ?? null;
      const only = params.context.only;
      const actions: CodeAction[] = [];
      if (only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source))) {
        const fix = engine.fixAll(doc);
        if (fix) actions.push(toAction(uri, version, fix, FIX_ALL_KIND, lspDiagnostics(fix.diagnostics, client)));
        return actions;
      }
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return actions;
      // Build fixes only for the diagnostics the editor asks about, matched by code and range, never by message.
      const asked = doc.diagnostics.filter((d) => params.context.diagnostics.some((lsp) => sameDiagnostic(lsp, d)));
      for (const fix of engine.fixes(doc, asked)) {
        actions.push(toAction(uri, version, fix, CodeActionKind.QuickFix, lspDiagnostics(fix.diagnostics, client)));
      }
      return actions;
    }),
  );
}
