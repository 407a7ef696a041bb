/**
 * The cases of the property runs, shared by the seeded tests of `npm test` and by `npm run fuzz`:
 * one through the engine, one through the built server over stdio (with the CLI beside it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { createEngine } from '../../server/src/engine';
import { CachedFileSystem } from '../../server/src/workspace';
import { runCli } from '../support/cli';
import { makeEngine } from '../support/engine';
import { uri, type TestClient } from '../support/lsp';
import { editSequence, record, type Edit } from './generators';
import { assertFixSafe, assertRangeInside, checkEngineInvariants } from './invariants';

/** The engine case: a generated record, every feature at a few positions, every offered fix. */
export const engineProperty = (engine = makeEngine(['docs/a.md', 'docs/b.md', 'docs'])) =>
  fc.property(record, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (text, positions) => {
    checkEngineInvariants(engine, text, positions);
  });

/** A workspace with the files the generated evidence points at: plain files, a folder, a link out, a FIFO. */
export function fuzzWorkspace(): string {
  const base = mkdtempSync(join(tmpdir(), 'ai-gov-fuzz-'));
  const root = join(base, 'ws');
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'a.md'), '# a');
  writeFileSync(join(root, 'docs', 'b.md'), '# b');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  symlinkSync(join(base, 'secret.txt'), join(root, 'passwd-link'));
  if (process.platform !== 'win32') execFileSync('mkfifo', [join(root, 'pipe')]);
  return root;
}

const pairs = (diagnostics: Array<{ code?: unknown; range: { start: { line: number } } }>) =>
  diagnostics.map((d) => `${String(d.code)}:${d.range.start.line}`).sort();

/** One case: open, edit, then every request. */
export async function serverCase(client: TestClient, folder: string, n: number, initial: string, edits: Edit[], positions: number[]): Promise<void> {
  const path = join(folder, `c${n}.ai-governance.yaml`);
  const docUri = uri(path);
  let doc = TextDocument.create(docUri, 'yaml', 1, initial);
  client.open(path, initial, 1);
  for (const [i, e] of edits.entries()) {
    const start = doc.positionAt(e.start % (doc.getText().length + 1));
    const end = doc.positionAt(doc.offsetAt(start) + e.length);
    const change = { range: { start, end }, text: e.text };
    doc = TextDocument.update(doc, [change], i + 2);
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: docUri, version: doc.version }, contentChanges: [change] });
  }
  const version = doc.version;
  const text = doc.getText();
  const published = await client.until(() => {
    const p = client.diagnostics.get(docUri);
    return p && p.version === version ? p : undefined;
  }, `diagnostics of version ${version}`);
  const diagnostics = published.diagnostics;
  for (const d of diagnostics) assertRangeInside(doc, d.range, `server ${String(d.code)}`);

  // The published diagnostics are those of a full check of the final text.
  const engine = createEngine({ fs: new CachedFileSystem() });
  const full = engine.check({ path, text, workspaceRoot: folder });
  assert.deepEqual(pairs(diagnostics), pairs(full.diagnostics), 'incremental changes end where a full check of the text does');

  for (const at of positions) {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: docUri }, position: doc.positionAt(at % (text.length + 1)) });
    if (hover?.range) assertRangeInside(doc, hover.range, 'server hover');
  }
  const symbols = (await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: docUri } })) ?? [];
  for (const s of symbols.flatMap((x) => [x, ...(x.children ?? [])])) {
    assertRangeInside(doc, s.range, `server symbol ${s.name}`);
    assertRangeInside(doc, s.selectionRange, `server symbol ${s.name} selection`);
  }
  const links = (await client.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri: docUri } })) ?? [];
  const root = realpathSync(folder);
  for (const l of links) {
    assertRangeInside(doc, l.range, 'server link');
    // Resolved as the file system would (the workspace's passwd-link leads outside it); a name that only contains those letters is fine.
    const target = l.target ? fileURLToPath(l.target) : '';
    const real = existsSync(target) ? realpathSync(target) : target;
    assert.ok(real === root || real.startsWith(root + sep), `link out of the workspace: ${l.target} (${real})`);
  }
  const recheck = (after: string) => engine.check({ path, text: after, workspaceRoot: folder });
  for (const d of diagnostics.slice(0, 3) as Diagnostic[]) {
    const actions = (await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: docUri }, range: d.range, context: { diagnostics: [d] } })) ?? [];
    for (const action of actions) {
      const edits = action.edit?.changes?.[docUri] ?? action.edit?.documentChanges?.flatMap((c) => ('textDocument' in c && c.textDocument.uri === docUri ? c.edits : [])) ?? [];
      if (edits.length) assertFixSafe(text, edits as never, action.title, recheck);
    }
  }

  // The CLI, given the same file, reports the same (code, line) pairs.
  writeFileSync(path, text);
  const cli = await runCli(['check', path, '--format', 'json', '--root', folder], { cwd: folder });
  rmSync(path);
  assert.ok(cli.code === 0 || cli.code === 1, `CLI exit ${cli.code}: ${cli.stderr}`);
  const report = JSON.parse(cli.stdout) as { files: Array<{ diagnostics: Array<{ code: string; line: number }> }> };
  const cliPairs = report.files.flatMap((f) => f.diagnostics.map((d) => `${d.code}:${d.line - 1}`)).sort();
  assert.deepEqual(cliPairs, pairs(diagnostics), 'the CLI and the server agree');
  client.close(path);
  assert.equal(client.process.exitCode, null, `the server is alive\n${client.stderr}`);
}

/** The property of one case, shared with `npm run fuzz`. */
export const serverProperty = (client: TestClient, folder: string, counter: { n: number }) =>
  fc.asyncProperty(record, editSequence, fc.array(fc.nat(), { minLength: 2, maxLength: 2 }), async (text, edits, positions) => {
    await serverCase(client, folder, counter.n++, text, edits, positions);
  });

