/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, FIRST_PUBLISH_MS, waitFor, workspaceRoot } from './util';

describe('activation', () => {
  it('runs inside a real VS Code with the test workspace open', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.ok(workspaceRoot(), 'a workspace folder is open');
    console.log(`[e2e] VS Code ${vscode.version}, appHost ${vscode.env.appHost}, workspace ${workspaceRoot().fsPath}`);
  });

  it(`activates ${EXTENSION_ID} on a workspace with governance files`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(
      ext,
      `extension ${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all
        .filter((e) => !e.id.startsWith('vscode.'))
        .map((e) => e.id)
        .join(', ')}`,
    );
    // activationEvents (workspaceContains) activate it by themselves; wait for that rather than forcing it.
    await waitFor('the extension to activate', () => ext.isActive, {
      timeoutMs: FIRST_PUBLISH_MS,
      observed: () => `isActive=${ext.isActive}`,
    });
  });
});
