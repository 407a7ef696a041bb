/**
 * The bundled server (`node dist/server.js --stdio`) spoken to over LSP: workspace diagnostics of
 * files never opened, edits, file events, hover, code actions, completion, outline, links,
 * settings, custom requests, and bad input that must never take the server down.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, DocumentLink, DocumentSymbol, Hover, TextEdit } from 'vscode-languageserver-protocol';
import type { RecordCoverage } from '../../server/src/engine';
import { applyEdits } from '../support/engine';
import { TestClient, uri } from '../support/lsp';

const FIXTURE = join(__dirname, '..', 'fixtures', 'workspace');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ai-gov-protocol-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const text = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);
const codes = (client: TestClient, path: string) => (client.diagnosticsOf(path) ?? []).map((d) => String(d.code));

describe('workspace diagnostics', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = workspace();
    // Records the scan must skip: a dependency's and version control's (each would have findings).
    for (const skipped of ['node_modules/pkg', '.git']) {
      mkdirSync(join(dir, skipped), { recursive: true });
      writeFileSync(join(dir, skipped, 'ai-governance.yaml'), 'apiVersion: ai-governance/v1\nbogus: true\n');
    }
    client = await TestClient.start({ folders: [dir], watchFiles: true });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every governance file is checked without being opened; node_modules is skipped', async () => {
    const record = join(dir, 'ai-governance.yaml');
    const team = join(dir, 'teams', 'sales.ai-governance.yaml');
    await client.until(() => client.diagnosticsOf(record) && client.diagnosticsOf(team), 'diagnostics of both files');
    assert.ok(codes(client, record).includes('missing-required-item'));
    assert.ok(codes(client, record).includes('evidence-not-found'));
    assert.ok(codes(client, team).includes('non-canonical-id'));
    assert.equal(client.diagnosticsOf(join(dir, 'node_modules', 'pkg', 'ai-governance.yaml')), undefined);
    assert.equal(client.diagnosticsOf(join(dir, '.git', 'ai-governance.yaml')), undefined);
    assert.deepEqual(
      [...client.diagnostics.keys()].sort(),
      [uri(record), uri(team)].sort(),
      'the two records and nothing else',
    );
    const d = client.diagnosticsOf(record)!.find((x) => x.code === 'missing-required-item')!;
    assert.equal(d.source, 'ai-governance');
    assert.match(d.codeDescription?.href ?? '', /README\.md#missing-required-item$/);
  });

  test('a client that links the rules itself (ruleLinksOnClient, as ours does) gets the same diagnostics without codeDescription', async () => {
    const linking = await TestClient.start({ folders: [dir], initializationOptions: { ruleLinksOnClient: true } });
    try {
      const record = join(dir, 'ai-governance.yaml');
      await linking.until(() => linking.diagnosticsOf(record), 'diagnostics of the record');
      const own = linking.diagnosticsOf(record)!;
      assert.ok(own.length > 0);
      assert.ok(own.every((x) => x.codeDescription === undefined));
      const withoutLink = (client.diagnosticsOf(record) ?? []).map(({ codeDescription: _, ...rest }) => rest);
      assert.deepEqual(own, withoutLink);
    } finally {
      await linking.stop();
    }
  });

  test('a file changed on disk is re-checked', async () => {
    const team = join(dir, 'teams', 'sales.ai-governance.yaml');
    writeFileSync(team, 'apiVersion: ai-governance/v1\nroles: [business-user]\nitems:\n  U-2 i:\n    status: planned\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(team), type: 2 }] });
    await client.until(() => !codes(client, team).includes('non-canonical-id'), 'the alias finding to go');
  });

  test('a new governance file is found, a deleted one is cleared', async () => {
    const added = join(dir, 'teams', 'new.ai-governance.yaml');
    writeFileSync(added, 'roles: [developer]\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(added), type: 1 }] });
    await client.until(() => codes(client, added).includes('missing-field'), 'the new file checked');
    unlinkSync(added);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(added), type: 3 }] });
    await client.until(() => client.diagnosticsOf(added)?.length === 0, 'the deleted file cleared');
  });

  test('an evidence file appearing or disappearing re-checks the record that points at it', async () => {
    const record = join(dir, 'ai-governance.yaml');
    const missing = join(dir, 'docs', 'missing.md');
    writeFileSync(missing, '# now here\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(missing), type: 1 }] });
    await client.until(() => !codes(client, record).includes('evidence-not-found'), 'evidence-not-found to go');
    unlinkSync(missing);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(missing), type: 3 }] });
    await client.until(() => codes(client, record).includes('evidence-not-found'), 'evidence-not-found to come back');
  });
});

describe('an open document', () => {
  let dir: string;
  let client: TestClient;
  let record: string;
  let text: string;
  before(async () => {
    dir = workspace();
    record = join(dir, 'ai-governance.yaml');
    client = await TestClient.start({ folders: [dir] });
    text = (await import('node:fs')).readFileSync(record, 'utf8');
    await client.until(() => client.diagnosticsOf(record), 'the scan');
    client.open(record, text, 1);
    await client.until(() => client.diagnostics.get(uri(record))?.version === 1, 'diagnostics for version 1');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('didChange → diagnostics carrying the new version', async () => {
    const edited = text.replace('D-2 i:', 'D-2 ix:');
    client.change(record, edited, 2);
    await client.until(() => client.diagnostics.get(uri(record))?.version === 2, 'version 2');
    assert.ok(codes(client, record).includes('unknown-item'));
    client.change(record, text, 3);
    await client.until(() => client.diagnostics.get(uri(record))?.version === 3, 'version 3');
  });

  test('hover quotes the guideline with its source', async () => {
    const line = text.split('\n').findIndex((l) => l.startsWith('  D-2 i:'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri(record) }, position: { line, character: 3 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /プライバシー・バイ・デザイン等を通じて/);
    assert.match(value, /出典: AI事業者ガイドライン（第1\.0版）/);
  });

  test('the missing-item quick fix adds D-7 ii and keeps every comment', async () => {
    const diagnostics = client.diagnosticsOf(record)!.filter((d) => d.code === 'missing-required-item');
    const target = diagnostics.find((d) => (d.data as { itemId?: string }).itemId === 'D-7 ii');
    assert.ok(target);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(record) },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const fixId = (a: CodeAction) => (a.data as { fixId?: string } | undefined)?.fixId;
    const add = actions.find((a) => fixId(a) === 'add-item' && a.isPreferred);
    assert.ok(add, actions.map(fixId).join(' | '));
    const edits = add.edit!.changes![uri(record)] as TextEdit[];
    const out = applyEdits(text, edits);
    assert.match(out, /D-7 ii: # 開発関連情報の文書化/);
    for (const comment of ['# AIガバナンス記録（開発部門）', '# 開発のみ', '# 人間中心']) assert.ok(out.includes(comment));
    assert.deepEqual(actions.filter((a) => fixId(a) === 'disable-line').length, 1);
    const commands = actions.flatMap((a) => (a.command ? [`${a.command.command} ${a.command.arguments?.join(' ')}`] : []));
    assert.deepEqual(commands, ['aiGovernance.showItemText D-7 ii', 'aiGovernance.showRuleDocumentation missing-required-item']);
  });

  test('source.fixAll only offers safe fixes: the alias is made canonical, nothing else', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(record) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(actions[0].kind, 'source.fixAll.ai-governance');
    const line = text.split('\n').findIndex((l) => l.startsWith('  D-5) i.:'));
    assert.ok(line > 0, 'the fixture has an alias');
    const edits = actions[0].edit!.changes![uri(record)] as TextEdit[];
    assert.deepEqual(edits, [{ range: { start: { line, character: 2 }, end: { line, character: 9 } }, newText: 'D-5 i' }]);
    assert.match(applyEdits(text, edits), /\n {2}D-5 i: # 印刷どおりの表記\n/);
  });

  test('completion lists item ids for the declared roles', async () => {
    const edited = `${text}  \n`;
    client.change(record, edited, 10);
    const line = edited.split('\n').length - 2;
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(record) }, position: { line, character: 2 } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('D-7 ii'));
    assert.ok(!labels.includes('D-2 i'));
    client.change(record, text, 11);
  });

  test('outline and evidence links', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(record) } });
    const items = symbols.find((s) => s.name === 'items');
    assert.ok(items?.children?.some((c) => c.name === 'D-2 i 適切なデータの学習'));
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri(record) } });
    assert.ok(links.some((l) => l.target === uri(join(dir, 'docs', 'dev.md'))));
  });

  test('aiGovernance/itemText returns the full text of an alias', async () => {
    const result = await client.request<{ markdown: string } | null>('aiGovernance/itemText', { id: 'D-7) ii.' });
    assert.match(result?.markdown ?? '', /開発関連情報の文書化/);
    assert.equal(await client.request('aiGovernance/itemText', { id: 'nothing' }), null);
  });

  test('aiGovernance/coverage returns the coverage model of the record', async () => {
    const result = await client.request<RecordCoverage | null>('aiGovernance/coverage', { uri: uri(record) });
    assert.ok(result && result.summary.required > result.summary.done);
    assert.equal(result.items.find((i) => i.id === 'D-7 ii')?.state, 'missing');
    assert.ok(result.principles.some((p) => p.id === 'C-7' && p.items.includes('D-7 ii')));
  });

  test('closing the document falls back to the file on disk', async () => {
    client.change(record, 'garbage: [', 20);
    await client.until(() => client.diagnostics.get(uri(record))?.version === 20, 'version 20');
    client.close(record);
    await client.until(() => client.diagnostics.get(uri(record))?.version === undefined && codes(client, record).includes('missing-required-item'), 'the disk version');
  });
});

describe('settings', () => {
  test('a client that sends no settings gets Japanese defaults', async () => {
    const dir = workspace();
    const client = await TestClient.start({ folders: [dir] });
    try {
      const record = join(dir, 'ai-governance.yaml');
      await client.until(() => client.diagnosticsOf(record), 'the scan');
      assert.match(text(client.diagnosticsOf(record)![0]), /[ぁ-んァ-ン一-龥]/);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('messageLanguage en and severity overrides come from workspace/configuration', async () => {
    const dir = workspace();
    const client = await TestClient.start({ folders: [dir], settings: { messageLanguage: 'en', severity: { 'evidence-not-found': 'off' } } });
    try {
      const record = join(dir, 'ai-governance.yaml');
      await client.until(() => client.diagnosticsOf(record), 'the scan');
      const diagnostics = client.diagnosticsOf(record)!;
      assert.ok(diagnostics.every((d) => /^[\x20-\x7e]+$/.test(text(d))), diagnostics.map(text).join('\n'));
      assert.ok(!diagnostics.some((d) => d.code === 'evidence-not-found'));
      client.settings = { messageLanguage: 'ja' };
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.until(() => /[ぁ-んァ-ン一-龥]/.test(text(client.diagnosticsOf(record)?.[0] ?? { message: '' })), 'Japanese messages');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad input never takes the server down', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = workspace();
    client = await TestClient.start({ folders: [dir] });
    await client.until(() => client.diagnosticsOf(join(dir, 'ai-governance.yaml')), 'the scan');
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 11 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');
  const cases: Array<[string, string, string[]]> = [
    ['garbage', '}{][::: !!! @@@\n\t- - -', ['yaml-syntax']],
    ['binary', '\u0000\u0001\u0002\u00ff\u00fe', ['yaml-syntax']],
    ['10 MB', `apiVersion: ai-governance/v1\nx-blob: "${'x'.repeat(10 * 1024 * 1024)}"\n`, ['file-too-large']],
    ['alias bomb', bomb, ['unsupported-yaml']],
    ['10,000-level nesting', `${'['.repeat(10000)}${']'.repeat(10000)}`, ['unsupported-yaml', 'yaml-syntax']],
    ['CRLF and BOM', '\uFEFFapiVersion: ai-governance/v1\r\nroles: [developer]\r\nitems:\r\n  D-7) ii.:\r\n    status: planned\r\n', ['non-canonical-id']],
    ['tabs', 'apiVersion: ai-governance/v1\nroles:\n\t- developer\n', ['yaml-syntax']],
    ['Windows and escaping evidence paths', 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-2 i:\n    status: planned\n    evidence: ["..\\\\..\\\\etc\\\\passwd", ../../etc/passwd, C:\\x.md]\n', ['evidence-outside-workspace']],
  ];
  cases.forEach(([name, text, expected], index) => {
    test(`${name}: a clear diagnostic, and the server keeps serving`, async () => {
      const path = join(dir, `bad${index}.ai-governance.yaml`);
      const started = Date.now();
      client.open(path, text, 1);
      const found = await client.until(() => client.diagnosticsOf(path), `diagnostics for ${name}`, 20_000);
      assert.ok(Date.now() - started < 15_000, 'within a bound');
      assert.ok(found.some((d) => expected.includes(String(d.code))), `${expected.join('|')} in ${found.map((d) => d.code).join(', ')}`);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(join(dir, 'ai-governance.yaml')) }, position: { line: 13, character: 3 } });
      assert.ok(hover, 'another file still gets hovers');
      client.close(path);
    });
  });
});

describe('multi-root and larger workspaces', () => {
  let a: string;
  let b: string;
  let client: TestClient;
  const RECORDS = 25; // above the server's threshold for checking a scan in worker threads
  before(async () => {
    a = mkdtempSync(join(tmpdir(), 'ai-gov-root-a-'));
    b = mkdtempSync(join(tmpdir(), 'ai-gov-root-b-'));
    for (let i = 0; i < RECORDS; i++) {
      const folder = join(a, `team-${i}`);
      mkdirSync(folder);
      writeFileSync(join(folder, 'ai-governance.yaml'), `apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-7) ii.:\n    status: implemented\n    owner: チーム${i}\n    evidence: [docs/missing-${i}.md]\n`);
    }
    mkdirSync(join(a, 'shared'));
    writeFileSync(join(a, 'shared', 'policy.md'), '# 方針\n');
    writeFileSync(join(b, 'ai-governance.yaml'), 'apiVersion: ai-governance/v1\nroles: [provider]\nitems:\n  P-6 i:\n    status: implemented\n    owner: 基盤\n    evidence: [../' + a.split('/').pop() + '/shared/policy.md]\n');
    client = await TestClient.start({ folders: [a, b] });
  });
  after(async () => {
    await client.stop();
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  test('every record of every folder is checked, the many in worker threads, each exactly', async () => {
    const records = Array.from({ length: RECORDS }, (_, i) => join(a, `team-${i}`, 'ai-governance.yaml'));
    await client.until(() => records.every((r) => client.diagnosticsOf(r)) && client.diagnosticsOf(join(b, 'ai-governance.yaml')), 'all records', 30_000);
    for (const [i, record] of records.entries()) {
      const found = client.diagnosticsOf(record)!;
      assert.ok(found.some((d) => d.code === 'non-canonical-id'), `${record}: the alias`);
      assert.ok(found.some((d) => d.code === 'evidence-not-found' && text(d).includes(`missing-${i}.md`)), `${record}: its own evidence`);
    }
  });

  test('a record checked in a worker keeps no text: a feature reads the file again, an evidence change re-checks it', async () => {
    const records = Array.from({ length: RECORDS }, (_, i) => join(a, `team-${i}`, 'ai-governance.yaml'));
    await client.until(() => records.every((r) => client.diagnosticsOf(r)), 'all records', 30_000);
    // Changed on disk with no file event: the outline is of the text read now, not of the scan's.
    const record = records[3];
    writeFileSync(record, readFileSync(record, 'utf8').replace('status: implemented', 'status: planned'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(record) } });
    assert.equal(symbols.find((s) => s.name === 'items')?.children?.[0].detail, 'planned', 'the outline comes from the file as it is now');
    // The evidence appears: the record that names it is read and checked again.
    const evidence = join(a, 'team-5', 'docs', 'missing-5.md');
    mkdirSync(join(a, 'team-5', 'docs'));
    writeFileSync(evidence, '# 記録\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(evidence), type: 1 }] });
    await client.until(() => !codes(client, records[5]).includes('evidence-not-found'), 'the evidence found');
    assert.ok(codes(client, records[5]).includes('non-canonical-id'), 'the rest of its findings stay');
  });

  test('evidence is resolved against its own workspace folder: another folder is outside', async () => {
    const record = join(b, 'ai-governance.yaml');
    await client.until(() => codes(client, record).includes('evidence-outside-workspace'), 'the escape reported');
  });

  test('a folder removed from the workspace takes its diagnostics with it', async () => {
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uri(b), name: b }] } });
    await client.until(() => client.diagnosticsOf(join(b, 'ai-governance.yaml'))?.length === 0, 'the removed folder cleared');
  });
});
