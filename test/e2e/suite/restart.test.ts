/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  FIRST_PUBLISH_MS,
  assertActive,
  describeDiagnostics,
  ours,
  recordUri,
  sameUri,
  teamUri,
  waitFor,
} from './util';

describe('restart command', () => {
  it('aiGovernance.restartServer restarts the server and the diagnostics come back', async () => {
    assertActive();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('aiGovernance.restartServer'), 'the command aiGovernance.restartServer is registered');

    // Diagnostics of the record change at least once after the restart (cleared and/or published again).
    let changes = 0;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => sameUri(u, recordUri()))) changes++;
    });
    try {
      await vscode.commands.executeCommand('aiGovernance.restartServer');
      await waitFor(
        'the diagnostics of both governance files after the restart',
        () => changes > 0 && ours(recordUri()).length > 0 && ours(teamUri()).length > 0,
        { timeoutMs: FIRST_PUBLISH_MS, observed: () => `diagnostic change events for the record: ${changes}\n${describeDiagnostics([], 3)}` },
      );
    } finally {
      listener.dispose();
    }
  });
});
