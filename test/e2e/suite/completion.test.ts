/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { assertActive, completionLabel, recordUri, waitFor } from './util';

describe('completion', () => {
  it('offers item ids such as D-7 ii at a new key under items:', async () => {
    assertActive();
    const doc = await vscode.workspace.openTextDocument(recordUri());
    const original = doc.getText();
    const itemsLine = doc.getText().split(/\r?\n/).findIndex((l) => /^items:\s*(#.*)?$/.test(l));
    assert.ok(itemsLine >= 0, 'the record has an items: line');

    // A person starts a new key on the line after "items:".
    const insertAt = new vscode.Position(itemsLine + 1, 0);
    const insert = new vscode.WorkspaceEdit();
    insert.insert(doc.uri, insertAt, '  \n');
    assert.ok(await vscode.workspace.applyEdit(insert), 'inserting a blank key line');
    const position = new vscode.Position(itemsLine + 1, 2);
    try {
      let labels: string[] = [];
      await waitFor(
        'completion items containing "D-7 ii"',
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            doc.uri,
            position,
          );
          const items = list?.items ?? [];
          labels = items.map(completionLabel);
          return items.some(
            (i) =>
              completionLabel(i).includes('D-7 ii') ||
              (typeof i.insertText === 'string' && i.insertText.includes('D-7 ii')) ||
              (i.insertText instanceof vscode.SnippetString && i.insertText.value.includes('D-7 ii')) ||
              (i.filterText ?? '').includes('D-7 ii'),
          );
        },
        { observed: () => `${labels.length} items: ${labels.slice(0, 40).join(' | ')}` },
      );
    } finally {
      const revert = new vscode.WorkspaceEdit();
      revert.delete(doc.uri, new vscode.Range(insertAt, new vscode.Position(itemsLine + 2, 0)));
      await vscode.workspace.applyEdit(revert);
      await doc.save();
    }
    assert.strictEqual(doc.getText(), original, 'the record is back to its original text');
  });
});
