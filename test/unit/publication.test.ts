/** Publishing an open record's diagnostics from kept bytes (publication.ts): the same bytes as JSON.stringify, each finding encoded once. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import type { EngineDiagnostic } from '../../server/src/engine';
import { toLspDiagnostic } from '../../server/src/handlers/convert';
import { PublicationEncoder } from '../../server/src/publication';
import { check } from '../support/engine';

const RECORD = `apiVersion: ai-governance/v1\nroles: [developer, provider]\nitems:\n  C-99:\n    status: done\n  D-7) ii.:\n    reviewed: 2026-13-40\n    note: "引用符 \\" と改行\\nと絵文字 😀"\nsystems:\n  - id: agent-1\n    kinds: [agent]\n`;
const OPTIONS = { charset: 'utf-8' as const };
const publish = (uri: string, diagnostics: Diagnostic[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 7, diagnostics } });

describe('PublicationEncoder', () => {
  test('a publication from kept bytes is byte for byte what JSON.stringify writes', async () => {
    const { diagnostics } = check(RECORD);
    assert.ok(diagnostics.length >= 4, `several findings (${diagnostics.length})`);
    const encoder = new PublicationEncoder();
    const lsp = encoder.diagnostics(diagnostics, (d) => toLspDiagnostic(d, true));
    const message = publish('file:///ws/%E8%A8%98%E9%8C%B2/ai-governance.yaml', lsp);
    const bytes = Buffer.from(await encoder.encode(message, OPTIONS));
    assert.equal(bytes.toString('utf8'), JSON.stringify(message));
    assert.deepEqual(bytes, Buffer.from(JSON.stringify(message)));
  });

  test('no findings, and messages it did not prepare, are encoded as usual', async () => {
    const encoder = new PublicationEncoder();
    const empty = publish('file:///ws/a.yaml', encoder.diagnostics([], (d) => toLspDiagnostic(d, true)));
    assert.equal(Buffer.from(await encoder.encode(empty, OPTIONS)).toString(), JSON.stringify(empty));
    const other = { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: '本文' } } };
    assert.equal(Buffer.from(await encoder.encode(other, OPTIONS)).toString(), JSON.stringify(other));
    const unprepared = publish('file:///ws/a.yaml', check(RECORD).diagnostics.map((d) => toLspDiagnostic(d, false)));
    assert.equal(Buffer.from(await encoder.encode(unprepared, OPTIONS)).toString(), JSON.stringify(unprepared));
  });

  test('a finding that outlives the keystroke is converted once; a new one is converted', async () => {
    const { diagnostics } = check(RECORD);
    const encoder = new PublicationEncoder();
    let conversions = 0;
    const convert = (d: EngineDiagnostic) => (conversions++, toLspDiagnostic(d, true));
    encoder.diagnostics(diagnostics, convert);
    assert.equal(conversions, diagnostics.length);
    const moved = { ...diagnostics[0], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    const next = encoder.diagnostics([moved, ...diagnostics.slice(1)], convert);
    assert.equal(conversions, diagnostics.length + 1, 'only the finding that changed');
    const message = publish('file:///ws/a.yaml', next);
    const sent = JSON.parse(Buffer.from(await encoder.encode(message, OPTIONS)).toString()) as typeof message;
    assert.deepEqual(sent.params.diagnostics[0].range, moved.range, 'the new range is what is sent');
    assert.equal(Buffer.from(await encoder.encode(message, OPTIONS)).toString(), JSON.stringify(message));
  });
});
