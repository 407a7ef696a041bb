/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  FIRST_PUBLISH_MS,
  assertActive,
  codeOf,
  describeDiagnostics,
  formatDiagnostic,
  mentions,
  ours,
  recordUri,
  relative,
  sameUri,
  teamUri,
  waitFor,
} from './util';

describe('workspace diagnostics', () => {
  it('lists diagnostics for both governance files without opening them', async () => {
    assertActive();
    for (const uri of [recordUri(), teamUri()]) {
      const open = vscode.workspace.textDocuments.some((d) => sameUri(d.uri, uri));
      assert.ok(!open, `${relative(uri)} must not be open yet (the test wants workspace-wide diagnostics)`);
    }
    await waitFor(
      'diagnostics of source "ai-governance" for ai-governance.yaml and sub/team.ai-governance.yaml',
      () => ours(recordUri()).length > 0 && ours(teamUri()).length > 0,
      { timeoutMs: FIRST_PUBLISH_MS, observed: () => describeDiagnostics([], 5) },
    );
  });

  it('reports the missing required item D-7 ii of a developer', async () => {
    assertActive();
    const d = await waitFor(
      'a "missing-required-item" diagnostic mentioning D-7 ii on ai-governance.yaml',
      () => ours(recordUri()).find((x) => codeOf(x) === 'missing-required-item' && mentions(x, 'D-7 ii')),
      { observed: () => describeDiagnostics(['missing-required-item']) },
    );
    assert.ok(
      d.severity === vscode.DiagnosticSeverity.Warning || d.severity === vscode.DiagnosticSeverity.Error,
      `a missing required item is a warning by default: ${formatDiagnostic(d)} severity=${d.severity}`,
    );
    // The code links to its rule's README section: the client adds the link, the server leaves it off the wire.
    const code = d.code;
    assert.ok(typeof code === 'object' && code !== null, `the code carries a link: ${JSON.stringify(code)}`);
    assert.strictEqual(code.value, 'missing-required-item');
    assert.match(code.target.toString(), /README\.md#missing-required-item$/);
  });
});
