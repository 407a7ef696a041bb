/** Coverage at a glance: a status bar item for the active governance file ("AI Gov done 18/31 · in progress 9 · missing 4"). */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CoverageRequest } from '../../server/src/protocol';
import { isGovernanceDocument } from './config';
import { t } from './i18n';

export function registerCoverageStatus(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const item = vscode.window.createStatusBarItem('aiGovernance.coverage', vscode.StatusBarAlignment.Right, 100);
  item.name = t('AI Governance coverage');
  item.command = 'workbench.actions.view.problems';
  context.subscriptions.push(item);
  let pending: NodeJS.Timeout | undefined;

  const update = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const c = client();
    if (!editor || !isGovernanceDocument(editor.document) || !c || c.state !== State.Running) {
      item.hide();
      return;
    }
    const result = await c.sendRequest<CoverageRequest.Result>(CoverageRequest.method, { uri: editor.document.uri.toString() } satisfies CoverageRequest.Params);
    if (!result || result.summary.required === 0) {
      item.hide();
      return;
    }
    const { summary } = result;
    const complete = summary.done === summary.required;
    item.text = `${complete ? '$(pass)' : '$(checklist)'} ${t('AI Gov done {0}/{1} · in progress {2} · missing {3}', summary.done, summary.required, summary.partial + summary.planned, summary.missing)}`;
    const missing = result.items.filter((i) => i.requirement === 'required' && i.state === 'missing').map((i) => i.id);
    item.tooltip = complete
      ? t('Every item the declared roles require is done.')
      : missing.length > 0
        ? t('Missing: {0}', missing.join(', '))
        : t('Every required item is in the record; not all are done yet.');
    item.show();
  };
  const schedule = () => {
    clearTimeout(pending);
    pending = setTimeout(() => void update().catch(() => item.hide()), 300);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.languages.onDidChangeDiagnostics(schedule),
    { dispose: () => clearTimeout(pending) },
  );
  schedule();
}
