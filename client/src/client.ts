/** The language client's lifecycle: start the bundled server, stop it, restart it. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';
import { documentSelector } from './config';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = {
    displayLanguage: vscode.env.language,
    redHatYamlActive: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions,
    outputChannel: output,
    // Hovers link to the full annex text through our own command only.
    markdown: { isTrusted: { enabledCommands: ['aiGovernance.showItemText'] } },
  };
  return new LanguageClient('aiGovernance', 'AI Governance', serverOptions, clientOptions);
}
