/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { allOurs, assertActive, codeOf, describeDiagnostics, hasJapanese, isAscii, waitFor } from './util';

/** Every missing-required-item diagnostic of the workspace (the opened record and the unopened team file). */
function missingItemMessages(): string[] {
  return allOurs().flatMap(([, ds]) => ds.filter((d) => codeOf(d) === 'missing-required-item').map((d) => d.message));
}

async function setLanguage(value: string | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('aiGovernance')
    .update('messageLanguage', value, vscode.ConfigurationTarget.Workspace);
}

describe('message language setting', () => {
  after(async () => {
    await setLanguage(undefined);
  });

  it('aiGovernance.messageLanguage "en" gives English messages, "ja" Japanese ones', async () => {
    assertActive();
    await setLanguage('en');
    await waitFor(
      'every missing-required-item message to be English (ASCII only) after messageLanguage=en',
      () => {
        const messages = missingItemMessages();
        return messages.length > 0 && messages.every(isAscii);
      },
      { observed: () => describeDiagnostics(['missing-required-item'], 4) },
    );

    await setLanguage('ja');
    await waitFor(
      'every missing-required-item message to be Japanese after messageLanguage=ja',
      () => {
        const messages = missingItemMessages();
        return messages.length > 0 && messages.every(hasJapanese);
      },
      { observed: () => describeDiagnostics(['missing-required-item'], 4) },
    );
    assert.strictEqual(vscode.workspace.getConfiguration('aiGovernance').get('messageLanguage'), 'ja');
  });
});

describe('rule documentation inside VS Code', () => {
  it('opens the rule section of the bundled README in a Markdown preview, offline', async () => {
    assertActive();
    const section = await vscode.commands.executeCommand<string | boolean>('aiGovernance.showRuleDocumentation', 'missing-owner');
    assert.strictEqual(typeof section, 'string', 'the section of the bundled README, not a browser');
    assert.match(String(section), /^### missing-owner/);
    assert.ok(!String(section).includes('### invalid-review-date'), 'only that rule');
    await waitFor('a Markdown preview tab of the rule', () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((tab) => /missing-owner/.test(tab.label))),
    );
  });
});
