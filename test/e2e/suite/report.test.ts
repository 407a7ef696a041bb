/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { assertActive, recordUri, waitFor, workspaceRoot } from './util';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

describe('export report', () => {
  it('"AI Governance: Export Report…" writes the HTML report of the open record where it was asked to', async () => {
    assertActive();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('aiGovernance.exportReport'), 'the command is registered');
    const doc = await vscode.workspace.openTextDocument(recordUri());
    await vscode.window.showTextDocument(doc);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'out', 'report.html');
    // The format and the file are passed in, as the dashboard does; a person picks them in a quick pick and a save dialog.
    const written = await waitFor('the export command to write the report', async () =>
      (await vscode.commands.executeCommand<string | undefined>('aiGovernance.exportReport', { format: 'html', target: target.toString() })) ?? undefined,
    );
    assert.strictEqual(vscode.Uri.parse(written).fsPath, target.fsPath);
    const html = decode(await vscode.workspace.fs.readFile(target));
    assert.ok(/^<!DOCTYPE html>/.test(html), 'an HTML page');
    // Labels follow the message language (English in this VS Code); the guideline is quoted in Japanese either way.
    assert.ok(html.includes('AIガバナンス報告書') || html.includes('AI Governance Report'), 'the report title');
    assert.ok(html.includes('出典: AI事業者ガイドライン'), 'guideline quotes with their citation');
    assert.ok(html.includes('<code>ai-governance.yaml</code>'), 'the record, by its path in the workspace');
    assert.ok(!/<script|\ssrc=/i.test(html), 'self-contained, no script');
  });

  it('writes the Excel checklist as a workbook', async () => {
    assertActive();
    const target = vscode.Uri.joinPath(workspaceRoot(), 'out', 'checklist.xlsx');
    await vscode.commands.executeCommand('aiGovernance.exportReport', { format: 'xlsx', target: target.toString() });
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.strictEqual(decode(bytes.subarray(0, 2)), 'PK', 'a zip container (xlsx)');
    assert.ok(bytes.length > 5000, `a real workbook (${bytes.length} bytes)`);
  });
});
