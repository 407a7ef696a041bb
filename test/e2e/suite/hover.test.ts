/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { assertActive, hoverText, positionOfKey, recordUri, waitFor } from './util';

describe('hover', () => {
  it('quotes the guideline text of D-2 i verbatim with its citation', async () => {
    assertActive();
    const doc = await vscode.workspace.openTextDocument(recordUri());
    const position = positionOfKey(doc, 'D-2 i', 2);
    let last = '';
    const text = await waitFor(
      'a hover on the "D-2 i" key quoting the guideline',
      async () => {
        last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
        return last.includes('プライバシー・バイ・デザイン等を通じて') && last.includes('出典') ? last : undefined;
      },
      { observed: () => `hover at ${position.line + 1}:${position.character + 1}:\n${last || '(empty)'}` },
    );
    assert.ok(text.includes('出典'), 'the hover carries the citation (出典)');
  });
});
