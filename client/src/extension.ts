/**
 * Activation: start the language server once the workspace has a governance file or one is
 * opened; everything else is the server's job.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient, RED_HAT_YAML } from './client';
import { registerCommands } from './commands';
import { GOVERNANCE_GLOBS, isGovernanceDocument, SKIPPED_GLOB } from './config';
import { registerCoverageStatus } from './status';

let client: LanguageClient | undefined;

async function workspaceHasGovernanceFile(): Promise<boolean> {
  const found = await vscode.workspace.findFiles(`{${GOVERNANCE_GLOBS.join(',')}}`, SKIPPED_GLOB, 1);
  return found.length > 0;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('AI Governance', { log: true });
  context.subscriptions.push(output);
  let starting: Promise<void> | undefined;
  const start = (): Promise<void> => {
    starting ??= (async () => {
      client = createClient(context, output);
      await client.start();
    })();
    return starting;
  };
  registerCommands(context, {
    client: () => client,
    restart: async () => {
      if (!client) return start();
      await client.restart();
    },
  });
  context.subscriptions.push({ dispose: () => void client?.stop() });
  const recreate = (): void => {
    const old = client;
    starting = undefined;
    client = undefined;
    void (old ? old.stop() : Promise.resolve()).then(start);
  };
  // Red Hat YAML installed or removed: restart so schema errors are reported by exactly one of us.
  let redHatYaml = vscode.extensions.getExtension(RED_HAT_YAML) !== undefined;
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => {
      const now = vscode.extensions.getExtension(RED_HAT_YAML) !== undefined;
      if (now === redHatYaml || !client) return;
      redHatYaml = now;
      recreate();
    }),
    // The document selector is built from aiGovernance.files when the client starts.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (client && event.affectsConfiguration('aiGovernance.files')) recreate();
    }),
  );
  registerCoverageStatus(context, () => client);

  if (vscode.workspace.textDocuments.some(isGovernanceDocument) || (await workspaceHasGovernanceFile())) {
    await start();
    return;
  }
  // No governance file yet: start as soon as one is opened.
  const listener = vscode.workspace.onDidOpenTextDocument((document) => {
    if (isGovernanceDocument(document)) {
      listener.dispose();
      void start();
    }
  });
  context.subscriptions.push(listener);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
