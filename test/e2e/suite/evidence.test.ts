/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  assertActive,
  codeOf,
  describeDiagnostics,
  exists,
  mentions,
  ours,
  recordUri,
  waitFor,
  workspaceRoot,
} from './util';

const EXISTING = 'docs/data-policy.md';
const BROKEN = 'docs/terms-of-service.md';

async function evidenceNotFound(path: string): Promise<vscode.Diagnostic | undefined> {
  const doc = await vscode.workspace.openTextDocument(recordUri());
  return ours(doc.uri).find(
    (d) => codeOf(d) === 'evidence-not-found' && (mentions(d, path) || doc.getText(d.range).includes(path)),
  );
}

describe('evidence links', () => {
  it(`reports the broken link ${BROKEN} and not the existing ${EXISTING}`, async () => {
    assertActive();
    await waitFor(`an evidence-not-found diagnostic for ${BROKEN}`, () => evidenceNotFound(BROKEN), {
      observed: () => describeDiagnostics(['evidence-not-found']),
    });
    assert.strictEqual(await evidenceNotFound(EXISTING), undefined, `${EXISTING} exists and is not reported`);
  });

  it('reports an evidence file when it is deleted and stops when it is recreated', async () => {
    assertActive();
    const file = vscode.Uri.joinPath(workspaceRoot(), ...EXISTING.split('/'));
    const content = await vscode.workspace.fs.readFile(file);
    await vscode.workspace.fs.delete(file);
    try {
      await waitFor(`an evidence-not-found diagnostic for ${EXISTING} after deleting it`, () => evidenceNotFound(EXISTING), {
        observed: () => describeDiagnostics(['evidence-not-found']),
      });
    } finally {
      if (!(await exists(file))) await vscode.workspace.fs.writeFile(file, content);
    }
    await waitFor(
      `the evidence-not-found diagnostic for ${EXISTING} to go away after recreating it`,
      async () => !(await evidenceNotFound(EXISTING)),
      { observed: () => describeDiagnostics(['evidence-not-found']) },
    );
  });
});
