/**
 * The overview's requests over LSP: aiGovernance/coverage and aiGovernance/workspaceCoverage for
 * unopened files, unsaved edits, a file over the size limit and a record with a syntax error, and
 * aiGovernance/starterRecord giving the same text as `ai-governance init`.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { initRecord } from '../../server/src/cli/init';
import { loadCatalog } from '../../server/src/engine/catalog';
import type { CodeAction } from 'vscode-languageserver-protocol';
import type { RecordCoverage } from '../../server/src/engine';
import type { WorkspaceCoverageRequest } from '../../server/src/protocol';
import { TestClient, uri } from '../support/lsp';

const FIXTURE = join(__dirname, '..', 'fixtures', 'workspace');
type Records = WorkspaceCoverageRequest.Result;

describe('coverage requests', () => {
  let dir: string;
  let client: TestClient;
  let record: string;
  let team: string;
  let big: string;
  let broken: string;
  let text: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ai-gov-coverage-'));
    cpSync(FIXTURE, dir, { recursive: true });
    record = join(dir, 'ai-governance.yaml');
    team = join(dir, 'teams', 'sales.ai-governance.yaml');
    big = join(dir, 'big.ai-governance.yaml');
    broken = join(dir, 'broken.ai-governance.yaml');
    // Over the default limit (2048 KB): reported, never parsed.
    writeFileSync(big, `apiVersion: ai-governance/v1\n# ${'x'.repeat(2100 * 1024)}\n`);
    // A syntax error after the items that can still be read.
    writeFileSync(broken, 'apiVersion: ai-governance/v1\nroles: [business-user]\nitems:\n  U-2 i:\n    status: implemented\n    owner: 営業部\n  U-3 i: [\n');
    text = readFileSync(record, 'utf8');
    client = await TestClient.start({ folders: [dir] });
    await client.until(() => client.diagnosticsOf(record) && client.diagnosticsOf(team) && client.diagnosticsOf(big) && client.diagnosticsOf(broken), 'the scan of all four files');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const byUri = (result: Records, path: string) => result.records.find((r) => r.uri === uri(path));

  test('workspaceCoverage lists every governance file, none of them opened', async () => {
    const result = await client.request<Records>('aiGovernance/workspaceCoverage', {});
    assert.deepEqual(result.records.map((r) => r.uri).sort(), [big, broken, record, team].map(uri).sort());
    const dev = byUri(result, record)!;
    assert.equal(dev.state, 'complete');
    assert.equal(dev.items.find((i) => i.id === 'D-7 ii')?.state, 'missing');
    assert.equal(dev.items.find((i) => i.id === 'D-2 i')?.state, 'implemented');
    assert.equal(dev.items.find((i) => i.id === 'D-2 i')?.evidence.state, 'broken');
    assert.ok(dev.summary.required > 0 && dev.summary.done < dev.summary.required);
    // The alias U-2) i. counts for U-2 i; planned is never done.
    const sales = byUri(result, team)!;
    assert.equal(sales.items.find((i) => i.id === 'U-2 i')?.state, 'planned');
    assert.equal(sales.summary.done, 0);
  });

  test('a file over the size limit appears with its reason, a broken one as incomplete with what could be read', async () => {
    const result = await client.request<Records>('aiGovernance/workspaceCoverage', {});
    const tooLarge = byUri(result, big)!;
    assert.equal(tooLarge.state, 'not-parsed');
    assert.equal(tooLarge.reason?.code, 'file-too-large');
    assert.match(tooLarge.reason?.message ?? '', /KB|2048|2,048/);
    assert.deepEqual(tooLarge.items, []);
    const partial = byUri(result, broken)!;
    assert.equal(partial.state, 'incomplete');
    assert.equal(partial.incomplete, true);
    assert.equal(partial.reason?.code, 'yaml-syntax');
    assert.equal(partial.items.find((i) => i.id === 'U-2 i')?.state, 'implemented');
    assert.equal(partial.items.find((i) => i.id === 'U-2 i')?.owner, '営業部');
  });

  test('uris limits the answer; a uri that is not a record is left out', async () => {
    const result = await client.request<Records>('aiGovernance/workspaceCoverage', { uris: [uri(team), uri(join(dir, 'docs', 'dev.md'))] });
    assert.deepEqual(result.records.map((r) => r.uri), [uri(team)]);
  });

  test('both requests answer for the unsaved text of an open document', async () => {
    const edited = text.replace('items:\n', 'items:\n  D-7 ii:\n    status: implemented\n    owner: ML基盤チーム\n    evidence: [docs/dev.md]\n');
    client.open(record, text, 1);
    // Asked at once, before the debounced check of the edit: the answer is for version 2 all the same.
    client.change(record, edited, 2);
    const single = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(record) });
    assert.equal(single?.items.find((i) => i.id === 'D-7 ii')?.state, 'implemented');
    const result = await client.request<Records>('aiGovernance/workspaceCoverage', { uris: [uri(record)] });
    const dev = byUri(result, record)!;
    assert.equal(dev.items.find((i) => i.id === 'D-7 ii')?.state, 'implemented');
    assert.equal(dev.summary.done, single!.summary.done);
    assert.equal(readFileSync(record, 'utf8'), text, 'nothing was written to disk');
    client.change(record, text, 3);
    const reverted = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(record) });
    assert.equal(reverted?.items.find((i) => i.id === 'D-7 ii')?.state, 'missing');
    client.close(record);
  });

  test('coverage of an unopened file and of something that is no record', async () => {
    const sales = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(team) });
    assert.equal(sales?.items.find((i) => i.id === 'U-2 i')?.key, 'U-2) i.');
    assert.equal(await client.request('aiGovernance/coverage', { uri: uri(join(dir, 'docs', 'dev.md')) }), null);
    assert.equal(await client.request('aiGovernance/coverage', { uri: uri(big) }), null);
  });

  test('a record asked for right after it is closed answers from its file on disk, not with nothing', async () => {
    for (let round = 0; round < 5; round++) {
      const edited = readFileSync(record, 'utf8').replace('items:\n', 'items:\n  D-7 ii:\n    status: implemented\n    owner: ML基盤チーム\n    evidence: [docs/dev.md]\n');
      client.open(record, edited, 1);
      const open = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(record) });
      assert.equal(open?.items.find((i) => i.id === 'D-7 ii')?.state, 'implemented', 'the editor\'s text while open');
      client.close(record);
      const closed = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(record) });
      assert.ok(closed, `round ${round}: no coverage right after close`);
      assert.equal(closed.items.find((i) => i.id === 'D-7 ii')?.state, 'missing', `round ${round}: the disk's text, not the editor's`);
    }
  });

  test('the tree\'s "add" finds its fix as the client does: the missing item\'s finding, then data.fixId add-item', async () => {
    const coverage = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(record) });
    const missing = coverage!.items.find((i) => i.id === 'D-7 ii')!;
    const codes = new Set(missing.findings.map((f) => f.code));
    const diagnostic = client.diagnosticsOf(record)!.find((d) => codes.has(String(d.code)) && (d.data as { itemId?: string }).itemId === 'D-7 ii');
    assert.ok(diagnostic, 'the finding on the missing item names the diagnostic that reports it');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(record) }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    const add = actions.filter((a) => (a.data as { fixId?: string } | undefined)?.fixId === 'add-item');
    assert.equal(add.length, 1, actions.map((a) => JSON.stringify(a.data)).join(' | '));
    assert.ok(add[0].edit);
  });

  test('starterRecord is the text of ai-governance init, and none of it counts as done', async () => {
    const result = await client.request<{ text: string } | null>('aiGovernance/starterRecord', { roles: ['provider', 'developer'], advancedAI: false });
    assert.equal(result?.text, initRecord(loadCatalog(), { roles: ['developer', 'provider'], advancedAI: false, language: 'ja' }).text);
    assert.equal(await client.request('aiGovernance/starterRecord', { roles: ['nobody'], advancedAI: false }), null);
    const starter = join(dir, 'starter.ai-governance.yaml');
    client.open(starter, result!.text, 1);
    const coverage = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(starter) });
    assert.ok(coverage && coverage.summary.required > 20);
    assert.equal(coverage.summary.planned, coverage.summary.required);
    assert.equal(coverage.summary.done, 0);
    client.close(starter);
  });
});
