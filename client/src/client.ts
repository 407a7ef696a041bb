/** The language client's lifecycle: start the bundled server, stop it, restart it. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { HEAP_FLAGS } from '../../server/src/heapTuning';
import { RULE_DOCS_BASE, type InitializationOptions } from '../../server/src/protocol';
import { documentSelector } from './config';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // The young generation's size can only be given at the start (heapTuning.ts sets the rest itself).
    // stdio, not IPC: over stdio the server writes its own messages and publishes an open record's
    // diagnostics from bytes it keeps between keystrokes (server/src/publication.ts).
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...HEAP_FLAGS] } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...HEAP_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = {
    displayLanguage: vscode.env.language,
    redHatYamlActive: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined,
    ruleLinksOnClient: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions,
    outputChannel: output,
    // Hovers link to the full annex text through our own command only.
    markdown: { isTrusted: { enabledCommands: ['aiGovernance.showItemText'] } },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(withRuleLink)),
    },
  };
  return new LanguageClient('aiGovernance', 'AI Governance', serverOptions, clientOptions);
}

const ruleLinks = new Map<string, vscode.Uri>();

/**
 * The Problems panel links each diagnostic's code to its rule's section of the README. The server
 * leaves that link off the wire (`ruleLinksOnClient`): a quarter of each publication's bytes, the
 * same URL on ten thousand findings of a large record.
 */
export function withRuleLink(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  const code = diagnostic.code;
  if (typeof code !== 'string') return diagnostic;
  let target = ruleLinks.get(code);
  if (!target) ruleLinks.set(code, (target = vscode.Uri.parse(RULE_DOCS_BASE + code)));
  diagnostic.code = { value: code, target };
  return diagnostic;
}
