/**
 * The server's document store over LSP: every document version is checked and published exactly
 * once (didOpen included), requests read the stored parse instead of checking again (a file over
 * the size limit included), and settings are resolved per resource, so each folder of a
 * multi-root workspace gets its own `resource`-scoped settings.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, DocumentLink, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { MAX_DELAY_MS } from '../../server/src/checkDelay';
import { TestClient, uri } from '../support/lsp';

/** Longer than any debounced check can wait: a second publish would have arrived by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, MAX_DELAY_MS + 400));

const RECORD = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: implemented\n    owner: ML基盤\n    evidence: [docs/missing.md]\n';

describe('one check and one publish per document version', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ai-gov-store-'));
    writeFileSync(join(dir, 'ai-governance.yaml'), RECORD);
    client = await TestClient.start({ folders: [dir], settings: {} });
    await client.until(() => client.diagnosticsOf(join(dir, 'ai-governance.yaml')), 'the scan');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('didOpen: published once for the opened version; each edit once for its version', async () => {
    const path = join(dir, 'opened.ai-governance.yaml');
    client.open(path, RECORD, 1);
    await client.until(() => client.publishedFor(path, 1).length > 0, 'diagnostics for version 1');
    await settle();
    assert.equal(client.publishedFor(path, 1).length, 1, 'version 1 published once');
    client.change(path, RECORD.replace('D-2 i:', 'D-2 ix:'), 2);
    await client.until(() => client.publishedFor(path, 2).length > 0, 'diagnostics for version 2');
    await settle();
    assert.equal(client.publishedFor(path, 2).length, 1, 'version 2 published once');
    assert.ok(client.publishedFor(path, 2)[0].diagnostics.some((d) => d.code === 'unknown-item'));
    assert.equal(client.publishedFor(path).length, 2, 'nothing else was published for the file');
  });

  test('hover, outline, links, completion, coverage and code actions do not check or publish again', async () => {
    const path = join(dir, 'requests.ai-governance.yaml');
    client.open(path, RECORD, 1);
    await client.until(() => client.publishedFor(path, 1).length > 0, 'diagnostics for version 1');
    const doc = { textDocument: { uri: uri(path) } };
    const hover = await client.request<Hover | null>('textDocument/hover', { ...doc, position: { line: 3, character: 3 } });
    assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /D-2 i/);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
    assert.ok(symbols.some((s) => s.name === 'items'));
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', doc);
    assert.equal(links.length, 1);
    const completion = await client.request<CompletionItem[]>('textDocument/completion', { ...doc, position: { line: 1, character: 8 } });
    assert.ok(Array.isArray(completion));
    const coverage = await client.request<{ items: Array<{ id: string; state: string }> } | null>('aiGovernance/coverage', { uri: uri(path) });
    assert.equal(coverage?.items.find((i) => i.id === 'D-7 ii')?.state, 'missing');
    const diagnostics = client.publishedFor(path, 1)[0].diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...doc, range: diagnostics[0].range, context: { diagnostics } });
    assert.ok(actions.length > 0);
    await settle();
    assert.equal(client.publishedFor(path).length, 1, 'only the one publish of version 1');
  });

  test('a code action asked for before the debounced check runs that check, once', async () => {
    const path = join(dir, 'early.ai-governance.yaml');
    client.open(path, RECORD, 1);
    await client.until(() => client.publishedFor(path, 1).length > 0, 'diagnostics for version 1');
    const edited = RECORD.replace('D-2 i:', 'D-2) i.:');
    client.change(path, edited, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(path) },
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1, 'the alias of version 2 is fixable');
    await client.until(() => client.publishedFor(path, 2).length > 0, 'diagnostics for version 2');
    await settle();
    assert.equal(client.publishedFor(path, 2).length, 1, 'version 2 published once');
  });

  test('a file over the size limit is answered from its state: requests neither re-check nor re-publish it', async () => {
    const path = join(dir, 'huge.ai-governance.yaml');
    const huge = `apiVersion: ai-governance/v1\nx-blob: "${'x'.repeat(3 * 1024 * 1024)}"\n`;
    client.open(path, huge, 1);
    await client.until(() => client.publishedFor(path, 1).length > 0, 'diagnostics for version 1', 20_000);
    assert.deepEqual(
      client.publishedFor(path, 1)[0].diagnostics.map((d) => d.code),
      ['file-too-large'],
    );
    const doc = { textDocument: { uri: uri(path) } };
    for (let i = 0; i < 3; i++) {
      assert.equal(await client.request<Hover | null>('textDocument/hover', { ...doc, position: { line: 0, character: 1 } }), null);
      assert.deepEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc), []);
      assert.deepEqual(await client.request<DocumentLink[]>('textDocument/documentLink', doc), []);
      assert.equal(await client.request('aiGovernance/coverage', { uri: uri(path) }), null);
    }
    await settle();
    assert.equal(client.publishedFor(path).length, 1, 'published once, never again');
  });
});

describe('settings per resource in a multi-root workspace', () => {
  let quiet: string;
  let strict: string;
  let client: TestClient;
  before(async () => {
    quiet = mkdtempSync(join(tmpdir(), 'ai-gov-quiet-'));
    strict = mkdtempSync(join(tmpdir(), 'ai-gov-strict-'));
    for (const folder of [quiet, strict]) writeFileSync(join(folder, 'ai-governance.yaml'), RECORD);
    // The client's configuration handler answers by resource, as VS Code does for folder settings.
    client = await TestClient.start({
      folders: [quiet, strict],
      configuration: (_section, scopeUri) =>
        scopeUri?.startsWith(uri(quiet)) ? { severity: { 'evidence-not-found': 'off', 'missing-required-item': 'error' } } : { severity: { 'missing-required-item': 'hint' } },
    });
  });
  after(async () => {
    await client.stop();
    rmSync(quiet, { recursive: true, force: true });
    rmSync(strict, { recursive: true, force: true });
  });

  const severities = (path: string, code: string) => (client.diagnosticsOf(path) ?? []).filter((d) => d.code === code).map((d) => d.severity);

  test('each folder’s severity settings apply to its files, on disk and open', async () => {
    const quietRecord = join(quiet, 'ai-governance.yaml');
    const strictRecord = join(strict, 'ai-governance.yaml');
    await client.until(() => client.diagnosticsOf(quietRecord) && client.diagnosticsOf(strictRecord), 'both folders scanned');
    assert.deepEqual(severities(quietRecord, 'evidence-not-found'), [], 'off in the quiet folder');
    assert.deepEqual(severities(strictRecord, 'evidence-not-found'), [2], 'a warning in the other');
    assert.ok(severities(quietRecord, 'missing-required-item').every((s) => s === 1) && severities(quietRecord, 'missing-required-item').length > 0);
    assert.ok(severities(strictRecord, 'missing-required-item').every((s) => s === 4) && severities(strictRecord, 'missing-required-item').length > 0);
    const scopes = client.configurationAsked.map((item) => item.scopeUri);
    assert.ok(scopes.includes(uri(quietRecord)) && scopes.includes(uri(strictRecord)), 'asked with each file as scopeUri');

    const opened = join(strict, 'team.ai-governance.yaml');
    client.open(opened, RECORD, 1);
    await client.until(() => client.publishedFor(opened, 1).length > 0, 'the open document checked');
    assert.deepEqual(severities(opened, 'evidence-not-found'), [2]);
    assert.ok(severities(opened, 'missing-required-item').every((s) => s === 4));
  });

  test('settings are cached per document and asked again after didChangeConfiguration', async () => {
    const opened = join(strict, 'team.ai-governance.yaml');
    const asked = () => client.configurationAsked.filter((item) => item.scopeUri === uri(opened)).length;
    const before = asked();
    await client.request('textDocument/hover', { textDocument: { uri: uri(opened) }, position: { line: 3, character: 3 } });
    client.change(opened, RECORD.replace('ML基盤', 'ML基盤チーム'), 2);
    await client.until(() => client.publishedFor(opened, 2).length > 0, 'version 2');
    assert.equal(asked(), before, 'answered from the cache');
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => asked() > before, 'settings asked again');
  });
});
