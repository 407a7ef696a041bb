/** Commands in one table; each fails with a clear message while the server is down. */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ItemTextRequest, RecheckWorkspaceRequest, RULE_DOCS_BASE } from '../../server/src/protocol';
import { t, tn } from './i18n';
import { ruleSection } from './ruleSection';

export const GUIDELINE_SCHEME = 'ai-governance-guideline';

export interface CommandHost {
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
}

/** The item key on the cursor's line, e.g. `D-7 ii` from `  D-7 ii:   # …`. */
function itemKeyAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const line = editor.document.lineAt(editor.selection.active.line).text;
  const m = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/.exec(line);
  return m?.[1].trim();
}

function running(host: CommandHost): LanguageClient | undefined {
  const client = host.client();
  if (client && client.state === State.Running) return client;
  void vscode.window.showWarningMessage(t('The AI Governance server is not running. Run "AI Governance: Restart Server".'));
  return undefined;
}

export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  const texts = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(GUIDELINE_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => texts.get(uri.path) ?? '',
    }),
  );

  /** Shows Markdown in the preview, from a virtual document: nothing is written to the workspace. */
  const preview = async (path: string, markdown: string): Promise<void> => {
    const uri = vscode.Uri.from({ scheme: GUIDELINE_SCHEME, path });
    texts.set(uri.path, markdown);
    changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  };

  const table: Record<string, (...args: unknown[]) => unknown> = {
    'aiGovernance.restartServer': async () => {
      await host.restart();
      void vscode.window.setStatusBarMessage(t('AI Governance server restarted'), 3000);
    },
    'aiGovernance.recheckWorkspace': async () => {
      const client = running(host);
      if (!client) return;
      const result = await client.sendRequest<RecheckWorkspaceRequest.Result>(RecheckWorkspaceRequest.method);
      void vscode.window.setStatusBarMessage(tn(result.files, 'AI Governance: checked {0} governance file', 'AI Governance: checked {0} governance files'), 5000);
      return result;
    },
    'aiGovernance.showItemText': async (arg?: unknown) => {
      const id = typeof arg === 'string' ? arg : itemKeyAtCursor();
      if (!id) {
        void vscode.window.showInformationMessage(t('Place the cursor on an item id such as D-7 ii.'));
        return;
      }
      const client = running(host);
      if (!client) return;
      const result = await client.sendRequest<ItemTextRequest.Result>(ItemTextRequest.method, { id } satisfies ItemTextRequest.Params);
      if (!result) {
        void vscode.window.showWarningMessage(t('"{0}" is not an item of the guideline.', id));
        return;
      }
      await preview(`/${id}.md`, result.markdown);
      return result.markdown;
    },
    'aiGovernance.showRuleDocumentation': async (code?: unknown) => {
      // The rule's section of the README that ships inside the extension: readable offline, in VS Code.
      if (typeof code !== 'string' || !/^[a-z-]+$/.test(code)) return false;
      const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'README.md')));
      const section = ruleSection(readme, code);
      if (!section) return vscode.env.openExternal(vscode.Uri.parse(RULE_DOCS_BASE + code));
      await preview(`/rules/${code}.md`, `${section}\n\n---\n\n${t('Online: {0}', RULE_DOCS_BASE + code)}\n`);
      return section;
    },
  };
  for (const [name, run] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(name, run));
}
