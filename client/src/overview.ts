/**
 * The overview: the coverage model, the status bar, the tree view, the dashboard and their commands
 * (reveal an item, add a missing one with the light bulb's own fix, filters, create a record).
 * Everything is read from the server; nothing here parses a record.
 */
import * as vscode from 'vscode';
import { CodeActionRequest, State, type CodeAction as LspCodeAction, type Command as LspCommand, type LanguageClient } from 'vscode-languageclient/node';
import { StarterRecordRequest } from '../../server/src/protocol';
import { CoverageModel, type CoverageRecord } from './coverageModel';
import { Dashboard } from './dashboard';
import { t } from './i18n';
import { OverviewTree, type OverviewFilter, type OverviewNode } from './overviewTree';
import { registerCoverageStatus } from './status';

/** What the extension exports (activate's return value) for tests and other extensions. */
export interface OverviewApi {
  coverage: CoverageModel;
  tree: OverviewTree;
  dashboard: Dashboard;
  statusBar: vscode.StatusBarItem;
}

export interface OverviewHost {
  client(): LanguageClient | undefined;
  /** starts the server if it is not running yet (a workspace without records) */
  start(): Promise<void>;
}

const SOURCE = 'ai-governance';
const ADD_ITEM_FIX = 'add-item';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? '');
}

function itemIdOf(d: vscode.Diagnostic): string | undefined {
  const data = (d as vscode.Diagnostic & { data?: { itemId?: unknown } }).data;
  return typeof data?.itemId === 'string' ? data.itemId : undefined;
}

/**
 * The diagnostic that reports a missing item: one of ours with `data.itemId` = the item and the code of
 * a finding the coverage model lists on it (the server names the rule; the client keeps no code list).
 * Never matched on the message.
 */
export function missingDiagnostic(uri: vscode.Uri, item: CoverageRecord['items'][number] | undefined): vscode.Diagnostic | undefined {
  if (!item || item.state !== 'missing') return undefined;
  const codes = new Set(item.findings.map((f) => f.code));
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === SOURCE && codes.has(codeOf(d)) && itemIdOf(d) === item.id);
}

function isAction(a: LspCodeAction | LspCommand): a is LspCodeAction {
  return typeof (a as LspCommand).command !== 'string';
}

/** The add-item fix among the server's actions for one diagnostic, by the stable id in `data.fixId` (never the title). */
function addItemFix(actions: ReadonlyArray<LspCodeAction | LspCommand>): LspCodeAction | undefined {
  return actions.filter(isAction).find((a) => a.edit && (a.data as { fixId?: unknown } | undefined)?.fixId === ADD_ITEM_FIX);
}

export function registerOverview(context: vscode.ExtensionContext, host: OverviewHost): OverviewApi {
  const coverage = new CoverageModel(host.client);
  const tree = new OverviewTree(coverage);
  const dashboard = new Dashboard(context, coverage);
  const view = vscode.window.createTreeView('aiGovernance.overview', { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = registerCoverageStatus(context, coverage);
  const updateView = (): void => {
    const records = coverage.all();
    void vscode.commands.executeCommand('setContext', 'aiGovernance.hasRecords', records.length > 0);
    if (coverage.isLoaded) void vscode.commands.executeCommand('setContext', 'aiGovernance.overviewLoaded', true);
    view.title = t('Overview');
    view.message = tree.filter === 'missing' ? t('Showing missing items only') : tree.filter === 'stale' ? t('Showing stale reviews and broken evidence only') : undefined;
    tree.refresh();
  };
  context.subscriptions.push(
    coverage,
    tree,
    dashboard,
    view,
    coverage.onDidChange(updateView),
    // The views' language follows messageLanguage: redraw everything in the new one.
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('aiGovernance.messageLanguage') && coverage.schedule()),
  );
  void vscode.commands.executeCommand('setContext', 'aiGovernance.overviewFilter', 'all');
  updateView();

  const running = (): LanguageClient | undefined => {
    const client = host.client();
    if (client && client.state === State.Running) return client;
    void vscode.window.showWarningMessage(t('The AI Governance server is not running. Run "AI Governance: Restart Server".'));
    return undefined;
  };

  const revealItem = async (uriArg?: unknown, idArg?: unknown): Promise<boolean> => {
    const node = uriArg as OverviewNode | undefined;
    const uriText = typeof uriArg === 'string' ? uriArg : node && typeof node === 'object' && 'uri' in node ? node.uri : undefined;
    if (!uriText) return false;
    const id = typeof idArg === 'string' ? idArg : node && typeof node === 'object' && node.kind === 'item' ? node.id : undefined;
    const uri = vscode.Uri.parse(uriText);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    if (!id) return true;
    const item = coverage.get(uri)?.items.find((i) => i.id === id);
    let range: vscode.Range | undefined;
    if (item?.range) range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
    // A principle covered by its sub-items: the first of them; a missing item: where its diagnostic is.
    const sub = item?.coveredBy?.[0] ? coverage.get(uri)?.items.find((i) => i.id === item.coveredBy![0]) : undefined;
    if (!range && sub?.range) range = new vscode.Range(sub.range.start.line, sub.range.start.character, sub.range.end.line, sub.range.end.character);
    range ??= missingDiagnostic(uri, item)?.range;
    if (!range) return true;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  };

  const addMissingItem = async (nodeArg?: unknown, idArg?: unknown): Promise<boolean> => {
    const node = nodeArg as OverviewNode | undefined;
    const uriText = typeof nodeArg === 'string' ? nodeArg : node?.kind === 'item' ? node.uri : undefined;
    const id = typeof idArg === 'string' ? idArg : node?.kind === 'item' ? node.id : undefined;
    if (!uriText || !id) return false;
    const client = running();
    if (!client) return false;
    const uri = vscode.Uri.parse(uriText);
    const diagnostic = missingDiagnostic(uri, coverage.get(uri)?.items.find((i) => i.id === id));
    if (!diagnostic) {
      void vscode.window.showInformationMessage(t('{0} is not reported missing any more.', id));
      return false;
    }
    // The light bulb's own fix: ask the server for the actions of this diagnostic and apply the add-item one.
    const lsp = client.code2ProtocolConverter.asDiagnostic(diagnostic);
    const actions = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri.toString() },
      range: lsp.range,
      context: { diagnostics: [lsp], only: ['quickfix'] },
    });
    const fix = addItemFix(actions ?? []);
    if (!fix?.edit) {
      void vscode.window.showWarningMessage(t('No fix to add {0} was offered.', id));
      return false;
    }
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(fix.edit);
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) {
      // Show the new entry once the server has checked the edit (its key's range comes with the coverage).
      await written(uri, id, 3000);
      await revealItem(uriText, id);
    }
    return applied;
  };

  /** Resolves when the model has the item written in the record (or after `timeoutMs`). */
  const written = (uri: vscode.Uri, id: string, timeoutMs: number): Promise<void> =>
    new Promise((resolve) => {
      const has = () => coverage.get(uri)?.items.some((i) => i.id === id && i.range) ?? false;
      if (has()) return resolve();
      const timer = setTimeout(done, timeoutMs);
      const listener = coverage.onDidChange(() => has() && done());
      function done(): void {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });

  const setFilter = (filter: OverviewFilter) => () => {
    tree.setFilter(filter);
    updateView();
  };

  const createRecord = async (): Promise<vscode.Uri | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showWarningMessage(t('Open a folder first: the record is created in it.'));
      return undefined;
    }
    const target = vscode.Uri.joinPath(folder.uri, 'ai-governance.yaml');
    try {
      await vscode.workspace.fs.stat(target);
      await vscode.window.showTextDocument(target);
      void vscode.window.showInformationMessage(t('{0} already exists; it was opened, not overwritten.', vscode.workspace.asRelativePath(target)));
      return target;
    } catch {
      // does not exist yet: create it below
    }
    const roles = await vscode.window.showQuickPick(
      [
        { label: t('AI Developer'), description: 'developer', role: 'developer' as const },
        { label: t('AI Provider'), description: 'provider', role: 'provider' as const },
        { label: t('AI Business User'), description: 'business-user', role: 'business-user' as const },
      ],
      { canPickMany: true, title: t('Create a record: which roles does your organisation have?'), placeHolder: t('Pick one or more roles') },
    );
    if (!roles || roles.length === 0) return undefined;
    const advanced = await vscode.window.showQuickPick(
      [
        { label: t('No'), advancedAI: false },
        { label: t('Yes: we handle advanced AI systems (foundation models, generative AI)'), advancedAI: true },
      ],
      { title: t('Create a record: advanced AI systems (第2部 D)?') },
    );
    if (!advanced) return undefined;
    await host.start();
    const client = running();
    if (!client) return undefined;
    const starter = await client.sendRequest<StarterRecordRequest.Result | null>(StarterRecordRequest.method, {
      roles: roles.map((r) => r.role),
      advancedAI: advanced.advancedAI,
    } satisfies StarterRecordRequest.Params);
    if (!starter) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(starter.text, 'utf8'));
    await vscode.window.showTextDocument(target);
    return target;
  };

  const table: Record<string, (...args: unknown[]) => unknown> = {
    'aiGovernance.openDashboard': async () => {
      dashboard.show();
      await coverage.refresh();
      return dashboard.status;
    },
    'aiGovernance.revealItem': async (uri?: unknown, id?: unknown) => revealItem(uri, id),
    'aiGovernance.addMissingItem': async (node?: unknown, id?: unknown) => addMissingItem(node, id),
    'aiGovernance.showItemTextOfNode': async (node?: unknown) => {
      const n = node as OverviewNode | undefined;
      return n?.kind === 'item' ? vscode.commands.executeCommand('aiGovernance.showItemText', n.id) : undefined;
    },
    'aiGovernance.filterMissing': async () => setFilter('missing')(),
    'aiGovernance.filterStale': async () => setFilter('stale')(),
    'aiGovernance.filterAll': async () => setFilter('all')(),
    'aiGovernance.createRecord': async () => createRecord(),
  };
  for (const [name, run] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(name, run));

  return { coverage, tree, dashboard, statusBar };
}
