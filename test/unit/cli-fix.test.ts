/** `check --fix`: the engine's safe fixes written in place; comments and layout survive. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/cli/fix';
import type { JsonReport } from '../../server/src/cli/formatters/json';
import { runCli, workspace } from '../support/cli';

const commentsOf = (text: string) => text.split(/\r?\n/).filter((line) => line.includes('#')).map((line) => line.slice(line.indexOf('#')));

const RECORD = [
  '# 記録の先頭のコメント',
  'apiVersion: ai-governance/v1 # 形式',
  'items:',
  '  # アカウンタビリティ',
  '  "C-7 ⑥": # 文書化の項目',
  '    status: planned   # 計画中',
  '  c-1:   # 小文字で書いた ID',
  '    status: planned',
  "  'C-2)': {status: planned} # 括弧つき",
  '  C-3:',
  '    status: planned',
  '',
].join('\n');

describe('check --fix', () => {
  test('rewrites aliases in canonical form, keeps quoting, every comment and every other byte', async () => {
    const ws = workspace({ 'ai-governance.yaml': RECORD });
    try {
      const result = await runCli(['check', '--fix', '-f', 'json', '--lang', 'en'], { cwd: ws.root });
      const after = readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8');
      assert.equal(after, RECORD.replace('"C-7 ⑥"', '"C-7-6"').replace('c-1:', 'C-1:').replace("'C-2)'", "'C-2'"));
      assert.deepEqual(commentsOf(after), commentsOf(RECORD));
      // the log names each change, on stderr so the JSON on stdout stays parseable
      assert.match(result.stderr, /^ai-governance\.yaml: C-7 ⑥ → C-7-6$/m);
      assert.match(result.stderr, /^ai-governance\.yaml: c-1 → C-1$/m);
      assert.match(result.stderr, /^ai-governance\.yaml: C-2\) → C-2$/m);
      assert.match(result.stderr, /fixed 3 item ids in 1 file/);
      // what is reported is the file after the fix
      const report = JSON.parse(result.stdout) as JsonReport;
      assert.deepEqual(
        report.files[0].diagnostics.filter((d) => d.code === 'non-canonical-id'),
        [],
      );
      assert.equal(result.code, 0);
    } finally {
      ws.cleanup();
    }
  });

  test('without --fix nothing is written; a second --fix changes nothing', async () => {
    const ws = workspace({ 'ai-governance.yaml': RECORD });
    try {
      const plain = await runCli(['check', '-f', 'json'], { cwd: ws.root });
      assert.equal(readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8'), RECORD);
      assert.equal((JSON.parse(plain.stdout) as JsonReport).files[0].diagnostics.filter((d) => d.code === 'non-canonical-id').length, 3);
      await runCli(['check', '--fix'], { cwd: ws.root });
      const once = readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8');
      const again = await runCli(['check', '--fix'], { cwd: ws.root });
      assert.equal(readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8'), once);
      assert.doesNotMatch(again.stderr, /→/);
    } finally {
      ws.cleanup();
    }
  });

  test('CRLF files keep their line breaks', async () => {
    const crlf = RECORD.replace(/\n/g, '\r\n');
    const ws = workspace({ 'ai-governance.yaml': crlf });
    try {
      await runCli(['check', '--fix'], { cwd: ws.root });
      const after = readFileSync(join(ws.root, 'ai-governance.yaml'), 'utf8');
      assert.equal(after, crlf.replace('"C-7 ⑥"', '"C-7-6"').replace('c-1:', 'C-1:').replace("'C-2)'", "'C-2'"));
    } finally {
      ws.cleanup();
    }
  });

  test('applyEdits applies LSP-range edits against the original text, whatever their order', () => {
    const text = 'ab\ncd\nef';
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'A' },
      { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } }, newText: 'FF' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '>' },
    ];
    assert.equal(applyEdits(text, edits), 'Ab\n>cd\neFF');
  });
});
