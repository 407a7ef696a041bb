/**
 * Coverage at a glance: "実施済 18/31 · 進行中 9 · 未記載 4" for the active record (the workspace's
 * records together when no record is in the editor). A planned item is in progress, never done.
 * Click: the dashboard.
 */
import * as vscode from 'vscode';
import type { CoverageModel, CoverageRecord } from './coverageModel';
import { t } from './i18n';
import { breakdown, headline, recordLabel, sum } from './overviewTree';

export function registerCoverageStatus(context: vscode.ExtensionContext, model: CoverageModel): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('aiGovernance.coverage', vscode.StatusBarAlignment.Right, 100);
  item.name = t('AI Governance coverage');
  item.command = { command: 'aiGovernance.openDashboard', title: t('Open the AI governance dashboard') };
  context.subscriptions.push(item);

  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const active = editor ? model.get(editor.document.uri) : undefined;
    const records: CoverageRecord[] = active ? [active] : model.all();
    const parsed = records.filter((r) => r.state !== 'not-parsed');
    const summary = sum(parsed.map((r) => r.summary));
    if (records.length === 0 || (summary.required === 0 && parsed.length === records.length)) {
      item.hide();
      return;
    }
    const complete = summary.required > 0 && summary.done === summary.required;
    item.text = `${complete ? '$(pass)' : '$(checklist)'} ${headline(summary)}`;
    const scope = active ? recordLabel(active.uri) : t('{0} records of the workspace', records.length);
    const missing = parsed.flatMap((r) => r.items.filter((i) => i.requirement === 'required' && i.state === 'missing').map((i) => i.id));
    const notRead = records.filter((r) => r.state === 'not-parsed').map((r) => recordLabel(r.uri));
    const lines = [`**${t('AI Governance coverage')}** — ${scope}`, breakdown(summary).replace(/\n/g, '\n\n')];
    if (missing.length > 0) lines.push(t('Missing: {0}', [...new Set(missing)].slice(0, 12).join(', ') + (missing.length > 12 ? ' …' : '')));
    else if (complete) lines.push(t('Every item the declared roles require is done.'));
    if (notRead.length > 0) lines.push(t('Not read: {0}', notRead.join(', ')));
    lines.push(`[${t('Open the dashboard')}](command:aiGovernance.openDashboard) · [${t('Show in the overview')}](command:aiGovernance.overview.focus)`);
    const tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    tooltip.isTrusted = { enabledCommands: ['aiGovernance.openDashboard', 'aiGovernance.overview.focus'] };
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${t('AI Governance coverage')}: ${headline(summary)}` };
    item.show();
  };
  context.subscriptions.push(model.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
  update();
  return item;
}
