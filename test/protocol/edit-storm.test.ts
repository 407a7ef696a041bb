/**
 * Many edits at once over LSP (issue 12): 1,000 incremental didChange notifications sent without
 * waiting end with the diagnostics of the last version, never go back to an older version, and
 * are published far fewer times than they arrive; an edit that makes the file too large, or its
 * YAML invalid, is answered with the diagnostic that says so, and the next edit recovers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateRecord } from '../../bench/inputs';
import { createEngine } from '../../server/src/engine';
import { lspDiagnostics } from '../../server/src/handlers/convert';
import { TestClient, uri } from '../support/lsp';

const CHANGES = 1_000;

/** An open document the test edits as the editor would: each change applied here, then sent as a range. */
class EditedDocument {
  doc: TextDocument;
  constructor(
    private readonly client: TestClient,
    readonly path: string,
    text: string,
  ) {
    this.doc = TextDocument.create(uri(path), 'yaml', 1, text);
    client.open(path, text, 1);
  }

  /** Replaces `length` characters at `offset` with `text`, as the next version. */
  edit(offset: number, length: number, text: string): number {
    const change: TextDocumentContentChangeEvent = { range: { start: this.doc.positionAt(offset), end: this.doc.positionAt(offset + length) }, text };
    this.doc = TextDocument.update(this.doc, [change], this.doc.version + 1);
    void this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.doc.uri, version: this.doc.version }, contentChanges: [change] });
    return this.doc.version;
  }
}

function published(client: TestClient, path: string): PublishDiagnosticsParams[] {
  return client.publishedFor(path);
}

/** Diagnostics in a canonical order (an incremental check may list them in another; LSP has no order). */
const sorted = (diagnostics: Diagnostic[]) => diagnostics.map((d) => JSON.stringify(d)).sort();

/** The diagnostics a full check of `text` gives, as the server converts them. */
function fullCheck(path: string, folder: string, text: string): string[] {
  const engine = createEngine({ fs: { exists: () => false } });
  return sorted(lspDiagnostics(engine.check({ path, text, workspaceRoot: folder }).diagnostics, { ruleLinksOnClient: false }));
}

describe('a storm of edits', () => {
  let dir: string;
  let client: TestClient;
  const settings: Record<string, unknown> = { maxFileSizeKB: 64 };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ai-gov-storm-'));
    writeFileSync(join(dir, 'ai-governance.yaml'), 'apiVersion: ai-governance/v1\nroles: [developer]\nitems: {}\n');
    client = await TestClient.start({ folders: [dir], settings });
    await client.until(() => client.diagnosticsOf(join(dir, 'ai-governance.yaml')), 'the scan');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`${CHANGES.toLocaleString('en')} small edits inside one entry, sent without waiting: the last version's diagnostics, versions never going back, far fewer publishes`, async (t) => {
    const path = join(dir, 'storm.ai-governance.yaml');
    const text = generateRecord({ lines: 300, systems: 2, items: 40 });
    const document = new EditedDocument(client, path, text);
    await client.until(() => published(client, path).some((p) => p.version === 1), 'diagnostics of version 1');
    // Inside one entry: the owner of the tenth item gets a character typed and taken away, in turn.
    let owner = -1;
    for (let n = 0; n < 10; n++) owner = text.indexOf('\n    owner: ', owner + 1);
    const at = text.indexOf('\n', owner + 1);
    let last = 1;
    for (let i = 0; i < CHANGES; i++) last = i % 2 === 0 ? document.edit(at, 0, '室') : document.edit(at, 1, '');
    assert.equal(last, CHANGES + 1);
    await client.until(() => published(client, path).some((p) => p.version === last), `diagnostics of version ${last}`, 60_000);

    const versions = published(client, path).map((p) => p.version ?? 0);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `published ${versions[i]} after ${versions[i - 1]}`);
    t.diagnostic(`${versions.length} publishes for ${CHANGES} changes`);
    assert.ok(versions.length <= CHANGES / 10, `${versions.length} publishes for ${CHANGES} changes`);
    const final = published(client, path).at(-1)!;
    assert.equal(final.version, last, 'the last publish is of the last version');
    assert.equal(document.doc.getText(), text, 'an even number of edits: the text is back where it started');
    assert.deepEqual(sorted(final.diagnostics), fullCheck(path, dir, document.doc.getText()), 'the diagnostics of a full check of the last text');
  });

  test('an edit that makes the file too large: file-too-large; the edit that takes it back: its findings again', async () => {
    const path = join(dir, 'grows.ai-governance.yaml');
    const text = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n    note: short\n';
    const document = new EditedDocument(client, path, text);
    await client.until(() => published(client, path).some((p) => p.version === 1), 'diagnostics of version 1');
    const note = text.indexOf('short');
    const grown = document.edit(note, 5, 'x'.repeat(80 * 1024));
    const tooLarge = await client.until(() => published(client, path).find((p) => p.version === grown), 'diagnostics of the grown version', 20_000);
    assert.deepEqual(
      tooLarge.diagnostics.map((d) => d.code),
      ['file-too-large'],
    );
    const back = document.edit(note, 80 * 1024, 'short');
    const again = await client.until(() => published(client, path).find((p) => p.version === back), 'diagnostics of the version back under the limit', 20_000);
    assert.deepEqual(sorted(again.diagnostics), fullCheck(path, dir, text));
    assert.ok(again.diagnostics.some((d) => d.code === 'missing-required-item'));
  });

  test('an edit that breaks the YAML: yaml-syntax at the edit; mending it: the findings of the mended text', async () => {
    const path = join(dir, 'broken.ai-governance.yaml');
    const text = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n    owner: ML基盤\n  D-7 ii:\n    status: planned\n';
    const document = new EditedDocument(client, path, text);
    await client.until(() => published(client, path).some((p) => p.version === 1), 'diagnostics of version 1');
    const owner = text.indexOf('ML基盤');
    const broken = document.edit(owner, 0, '[');
    const syntax = await client.until(() => published(client, path).find((p) => p.version === broken), 'diagnostics of the broken version', 20_000);
    const errors = syntax.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.ok(errors.length > 0, syntax.diagnostics.map((d) => d.code).join(', '));
    assert.ok(errors.every((d) => d.range.start.line >= 5), 'at or after the edited line');
    assert.deepEqual(sorted(syntax.diagnostics), fullCheck(path, dir, document.doc.getText()));
    const mended = document.edit(owner, 1, '');
    const fine = await client.until(() => published(client, path).find((p) => p.version === mended), 'diagnostics of the mended version', 20_000);
    assert.deepEqual(sorted(fine.diagnostics), fullCheck(path, dir, text));
    assert.ok(!fine.diagnostics.some((d) => d.code === 'yaml-syntax'));
  });
});
