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
