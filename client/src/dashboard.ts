/**
 * The dashboard: one webview for the workspace, fed by the CoverageModel (messages from the server,
 * never a read of the disk), so it stays right while the user types. Locked down: a CSP with a nonce,
 * scripts and styles only from the extension's media/ folder, no remote resources.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CoverageModel } from './coverageModel';
import { MATRIX_STATES, recordView, type RecordView } from './dashboardView';
import { t, uiLanguage } from './i18n';
import { headline, recordLabel, stateLabel, sum } from './overviewTree';

/** What the webview tells the extension. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; id: string }
  | { type: 'pick'; uri: string; ids: string[]; title: string }
  | { type: 'rendered'; records: number; cells: number }
  | { type: 'error'; message: string };

export interface DashboardStatus {
  open: boolean;
  /** what the webview last reported having drawn */
  rendered?: { records: number; cells: number; at: number };
  /** script errors and CSP violations the webview reported */
  errors: string[];
  /** ms from the diagnostics to the dashboard's update being posted (the model's figure) */
  lastUpdateMs?: number;
}

export class Dashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly status: DashboardStatus = { open: false, errors: [] };

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly model: CoverageModel,
  ) {
    this.disposables.push(model.onDidChange(() => this.post()));
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('aiGovernance.dashboard', t('AI Governance Dashboard'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      enableFindWidget: true,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'ai-governance.svg');
    this.panel = panel;
    this.status.open = true;
    this.status.errors = [];
    this.status.rendered = undefined;
    panel.webview.html = this.html(panel.webview, media);
    panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message), undefined, this.disposables);
    panel.onDidChangeViewState(() => panel.visible && this.post(), undefined, this.disposables);
    panel.onDidDispose(
      () => {
        this.panel = undefined;
        this.status.open = false;
      },
      undefined,
      this.disposables,
    );
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'dashboard.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
    const lang = uiLanguage();
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${escape(t('AI Governance Dashboard'))}</title>
</head>
<body>
<main id="root" aria-live="polite"><p>${escape(t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.post();
        return;
      case 'reveal':
        await vscode.commands.executeCommand('aiGovernance.revealItem', message.uri, message.id);
        return;
      case 'pick': {
        const record = this.model.get(message.uri);
        const items = message.ids.flatMap((id) => {
          const item = record?.items.find((i) => i.id === id);
          return item ? [{ label: item.id, description: uiLanguage() === 'ja' ? item.title : item.titleEn, id }] : [];
        });
        const picked = await vscode.window.showQuickPick(items, { title: message.title, placeHolder: t('Go to the item in the record') });
        if (picked) await vscode.commands.executeCommand('aiGovernance.revealItem', message.uri, picked.id);
        return;
      }
      case 'rendered':
        this.status.rendered = { records: message.records, cells: message.cells, at: Date.now() };
        return;
      case 'error':
        this.status.errors.push(String(message.message));
        return;
    }
  }

  /** Sends the current view; the webview redraws from it alone. */
  private post(): void {
    if (!this.panel) return;
    const language = uiLanguage();
    const records: RecordView[] = this.model.all().map((r) => recordView(r, { language, label: recordLabel }));
    this.status.lastUpdateMs = this.model.lastUpdateMs;
    void this.panel.webview.postMessage({ type: 'update', records, total: headline(sum(records.filter((r) => r.state !== 'not-parsed').map((r) => r.summary))), strings: strings() });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The webview's labels, in the UI language (the webview has no l10n of its own). */
function strings(): Record<string, string> {
  return {
    title: t('AI Governance Dashboard'),
    empty: t('No governance record in this workspace yet.'),
    notRead: t('Not read'),
    incomplete: t('incomplete (syntax errors): what could be read is shown'),
    matrix: t('Principles × state'),
    principle: t('Principle'),
    progress: t('Progress'),
    progressHint: t('done / required'),
    roles: t('Progress per role'),
    systems: t('Progress per system'),
    stale: t('Stale reviews'),
    broken: t('Broken evidence'),
    unjustified: t('Not applicable without a justification'),
    owners: t('Items per owner'),
    noOwner: t('(no owner)'),
    none: t('None'),
    cell: t('{0} items: {1}'),
    'role.developer': t('AI Developer'),
    'role.provider': t('AI Provider'),
    'role.business-user': t('AI Business User'),
    ...Object.fromEntries(MATRIX_STATES.map((s) => [`state.${s}`, stateLabel(s)])),
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
