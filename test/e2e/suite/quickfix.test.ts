/// <reference types="mocha" />
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import {
  applyAction,
  assertActive,
  codeActions,
  codeOf,
  describeActions,
  describeDiagnostics,
  isQuickFix,
  mentions,
  ours,
  recordUri,
  waitFor,
} from './util';

const missingD7ii = (d: vscode.Diagnostic) => codeOf(d) === 'missing-required-item' && mentions(d, 'D-7 ii');

describe('quick fix: add a missing item', () => {
  it('adds D-7 ii, keeps every comment, and the warning goes away', async () => {
    assertActive();
    const doc = await vscode.workspace.openTextDocument(recordUri());
    const original = doc.getText();
    const diagnostic = await waitFor('the missing-item diagnostic for D-7 ii', () => ours(doc.uri).find(missingD7ii), {
      observed: () => describeDiagnostics(['missing-required-item']),
    });

    let actions: vscode.CodeAction[] = [];
    const fix = await waitFor(
      'a quickfix whose title contains "D-7 ii"',
      async () => {
        actions = await codeActions(doc.uri, diagnostic.range);
        const candidates = actions.filter((a) => isQuickFix(a) && a.title.includes('D-7 ii') && !a.disabled);
        return candidates.find((a) => a.isPreferred) ?? candidates[0];
      },
      { observed: () => describeActions(actions) },
    );
    await applyAction(fix);

    const text = await waitFor('the record to contain "D-7 ii:"', () => (doc.getText().includes('D-7 ii:') ? doc.getText() : undefined), {
      observed: () => doc.getText(),
    });
    await doc.save();

    // Quick fixes never lose comments: every comment line and every trailing comment is still there.
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    for (const line of original.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed.startsWith('#')) {
        assert.ok(lines.includes(trimmed), `comment line lost by the fix: ${trimmed}\n--- text after the fix ---\n${text}`);
      } else {
        const hash = line.indexOf(' #');
        if (hash >= 0) {
          const comment = line.slice(hash + 1).trim();
          assert.ok(text.includes(comment), `trailing comment lost by the fix: ${comment}\n--- text after the fix ---\n${text}`);
        }
      }
    }
    // …and never produce invalid YAML.
    const parsed = parseDocument(text);
    assert.deepStrictEqual(
      parsed.errors.map((e) => e.message),
      [],
      `the record is no longer valid YAML after the fix:\n${text}`,
    );
    const items = parsed.get('items') as { has(key: unknown): boolean } | undefined;
    assert.ok(items?.has('D-7 ii'), `items has a "D-7 ii" key after the fix:\n${text}`);

    await waitFor('the missing-item diagnostic for D-7 ii to disappear', () => !ours(doc.uri).some(missingD7ii), {
      observed: () => describeDiagnostics(['missing-required-item']),
    });
  });
});
