/**
 * The language server: what it can do (initialize), the shared state (state.ts) and the handlers
 * that answer the client. Every feature is a call into the engine; the handlers only convert to and
 * from LSP types.
 */
import { join } from 'node:path';
import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { FIX_ALL_KIND, registerCodeActions } from './handlers/codeActions';
import { registerCompletion } from './handlers/completion';
import { registerExportReport } from './handlers/exportReport';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerHover } from './handlers/hover';
import { registerCoverage } from './handlers/coverage';
import { registerItemText } from './handlers/requests';
import { registerSymbols } from './handlers/symbols';
import { registerWorkspace } from './handlers/workspace';
import type { InitializationOptions } from './protocol';
import type { PublicationEncoder } from './publication';
import { createServerState } from './state';

export function startServer(connection: Connection, publication?: PublicationEncoder): void {
  const state = createServerState(connection, join(__dirname, 'checkWorker.js'), publication);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    state.settings.initialise(init);
    state.client.ruleLinksOnClient = init.ruleLinksOnClient === true;
    let folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    state.folders.set(folders);
    state.client.configuration = Boolean(params.capabilities.workspace?.configuration);
    state.client.watchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    state.client.workspaceFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '-', '[', ',', '/'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ai-governance-language-server' },
    };
  });

  registerDiagnostics(state);
  registerWorkspace(state);
  registerHover(state);
  registerCompletion(state);
  registerCodeActions(state);
  registerSymbols(state);
  registerItemText(state);
  registerCoverage(state);
  registerExportReport(state);

  state.documents.listen(connection);
  connection.listen();
}
