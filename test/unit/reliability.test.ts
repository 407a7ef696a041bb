/**
 * Regression tests of the fuzzing campaign (issue 16): each from the minimised input that broke the
 * engine, the CLI or a fix, so the next change that breaks it again fails here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safetyCheck } from '../../server/src/engine/fixes';
import { parseDocument } from '../../server/src/engine/parse';
import { LineIndex } from '../../server/src/engine/positions';
import { NESTING_LIMIT, yamlComments } from '../../server/src/engine/yamlStream';
import { runCli, workspace } from '../support/cli';
import { HEADER, applyEdits, check, makeEngine } from '../support/engine';

/** Runs `fn` with `frames` stack frames already used, as a deep caller would. */
function withStackUsed<T>(frames: number, fn: () => T): T {
  const down = (n: number): T => (n === 0 ? fn() : down(n - 1));
  return down(frames);
}

const seconds = (since: number) => (performance.now() - since) / 1000;

describe('deep nesting is a finding, never a crash (issue 16 §1, §6)', () => {
  const deepDashes = '- '.repeat(3000) + 'x\nb: 1\n';

  test('3,000 nested block sequences followed by a key: unsupported-yaml, no stack overflow', () => {
    const { codes } = check(deepDashes);
    assert.deepEqual(codes, ['unsupported-yaml']);
  });

  test('every kind of deep nesting is answered the same way, at a spot that depends on the text only', () => {
    const inputs = [
      deepDashes,
      deepDashes.replace(/\n/g, '\r\n'),
      'a:\n' + Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}- x:\n`).join(''),
      'x: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n',
      'x: ' + '{a: '.repeat(3000) + '\n',
      'items:\n  C-1:\n    evidence: ' + '['.repeat(4000) + '\n',
      '? '.repeat(3000) + 'x\n',
    ];
    for (const text of inputs) {
      const shallow = check(text).diagnostics;
      assert.ok(shallow.some((d) => d.code === 'unsupported-yaml'), `unsupported-yaml for ${JSON.stringify(text.slice(0, 20))}`);
      for (const frames of [500, 2000, 5000]) {
        assert.deepEqual(withStackUsed(frames, () => check(text).diagnostics), shallow, `same findings with ${frames} frames of stack used`);
      }
    }
  });

  test('nesting the tree conversion accepts is never stopped by the guard', () => {
    const depth = 60;
    const text = 'x:\n' + Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k${i}:\n`).join('') + `${'  '.repeat(depth + 1)}v\n`;
    assert.equal(parseDocument(text).problems.length, 0);
    assert.ok(NESTING_LIMIT / 2 > 64);
  });

  test('500,000 `[` on one line: check and code actions within two seconds (4.8 s + 4.7 s before)', () => {
    const text = `${HEADER}x: ${'['.repeat(500_000)}\n`;
    const start = performance.now();
    const { doc, codes } = check(text);
    makeEngine().fixes(doc, doc.diagnostics);
    assert.ok(codes.includes('unsupported-yaml'));
    assert.ok(seconds(start) < 2, `took ${seconds(start)} s`);
  });

  test('the CLI reports deep nesting as a finding (exit 1), not a stack trace (exit 2)', async () => {
    const ws = workspace({ 'ai-governance.yaml': deepDashes.replace(/\n/g, '\r\n') });
    try {
      const result = await runCli(['check', '--format', 'json'], { cwd: ws.root });
      assert.equal(result.code, 1, result.stderr);
      const codes = (JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> }).files.flatMap((f) => f.diagnostics.map((d) => d.code));
      assert.deepEqual(codes, ['unsupported-yaml']);
    } finally {
      ws.cleanup();
    }
  });
});

describe('"fix all item ids" with a repeated alias key (issue 16 §3)', () => {
  const text = `${HEADER}roles: [developer]\nitems:\n  d-2 I:\n    status: planned\n  d-2 I:\n    status: planned\n`;

  test('one edit per key, none overlapping, both keys rewritten', () => {
    const engine = makeEngine();
    const { doc } = check(text);
    const fix = engine.fixAll(doc);
    assert.ok(fix);
    const lines = fix.edits.map((e) => e.range.start.line);
    assert.equal(new Set(lines).size, fix.edits.length, 'no two edits on one key');
    const fixed = applyEdits(text, fix.edits);
    assert.equal((fixed.match(/^ {2}D-2 i:$/gm) ?? []).length, 2, fixed);
    assert.ok(!fixed.includes('d-2 I'));
  });

  test('the quick fix of each finding rewrites its own key', () => {
    const engine = makeEngine();
    const { doc, of } = check(text);
    const [first, second] = of('non-canonical-id');
    const own = (d: typeof first) => engine.fixes(doc, [d]).find((f) => f.isPreferred && f.edits.length === 1)?.edits[0].range.start.line;
    assert.equal(own(first), first.range.start.line);
    assert.equal(own(second), second.range.start.line);
  });

  test('check --fix rewrites both keys it reports', async () => {
    const ws = workspace({ 'ai-governance.yaml': text });
    try {
      const result = await runCli(['check', '--fix'], { cwd: ws.root });
      assert.match(result.stderr, /2/);
      const { readFileSync } = await import('node:fs');
      const fixed = readFileSync(`${ws.root}/ai-governance.yaml`, 'utf8');
      assert.equal((fixed.match(/^ {2}D-2 i:$/gm) ?? []).length, 2, fixed);
    } finally {
      ws.cleanup();
    }
  });
});

describe('fixes in a record of two documents (issue 16 §4)', () => {
  const text = 'roles: [developer]\n--- h\n';

  test('"add item", "add as not applicable" and "add all" insert into the first document', () => {
    const engine = makeEngine();
    const { doc, of } = check(text);
    const missing = of('missing-required-item');
    const fixes = [...engine.fixes(doc, [missing[0]]), ...engine.fixes(doc, missing)].filter((f) => f.edits.length && /追加/.test(f.title));
    assert.ok(fixes.length >= 3, fixes.map((f) => f.title).join('\n'));
    for (const fix of fixes) {
      const fixed = applyEdits(text, fix.edits);
      const parsed = parseDocument(fixed);
      assert.equal(parsed.laterDocumentErrors, 0, `${fix.title}:\n${fixed}`);
      assert.ok(fixed.endsWith('--- h\n'), fixed);
      assert.ok(parsed.root?.type === 'map' && parsed.root.pairs.some((p) => p.key.value === 'items'), `items in the first document:\n${fixed}`);
    }
  });

  test('the same after a `...` end marker', () => {
    const ended = 'roles: [developer] # r\n...\n';
    const engine = makeEngine();
    const { doc, of } = check(ended);
    const fix = engine.fixes(doc, [of('missing-required-item')[0]]).find((f) => f.isPreferred);
    assert.ok(fix);
    const fixed = applyEdits(ended, fix.edits);
    assert.ok(fixed.endsWith('...\n') && fixed.indexOf('items:') < fixed.indexOf('...'), fixed);
  });

  test("the safety check counts the second document's errors", () => {
    const text = 'roles: [developer]\n---\nb: 1 # keep\n';
    const doc = check(text).doc;
    assert.ok(doc.state === 'parsed');
    const record = doc.record;
    const at = text.indexOf('b: 1');
    assert.equal(safetyCheck(record)([{ start: at, end: at + 4, newText: 'b: [' }]), false);
    assert.equal(safetyCheck(record)([{ start: at, end: at + 4, newText: 'b: 2' }]), true);
  });
});

describe('one line model: LF, CRLF and a lone CR all end a line (issue 16 §5, §7)', () => {
  test('positions follow LSP', () => {
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.position(2), { line: 1, character: 0 });
    assert.deepEqual(lines.position(4), { line: 1, character: 1 }, 'between CR and LF: the end of the line');
    assert.deepEqual(lines.position(5), { line: 2, character: 0 });
    assert.equal(lines.lineText(0), 'a');
    assert.equal(lines.lineText(1), 'b');
    assert.equal(lines.offset({ line: 1, character: 9 }), 3);
  });

  test('on CRLF, no range ends between CR and LF', () => {
    const text = 'apiVersion: ai-governance/v1\r\nitems:\r\n  C-1: [\r\n  x: "\r\n';
    const lines = text.split('\r\n');
    for (const d of check(text).diagnostics) {
      for (const p of [d.range.start, d.range.end]) assert.ok(p.character <= (lines[p.line] ?? '').length, `${d.code} ${JSON.stringify(d.range)}`);
    }
  });

  test('on a lone CR, ranges stay inside their line', () => {
    const text = `${HEADER}roles: [developer]\ritems:\r  C-1: {status: wrong}\r`;
    const lines = text.split(/\r\n|\r|\n/);
    for (const d of check(text).diagnostics) {
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${d.code} ${JSON.stringify(d.range)}`);
      }
    }
  });
});

describe('bounded time whatever the input (issue 16 §2)', () => {
  test('a 32 KB unknown item key: check and hover in well under a second each (17 s and 14 s before)', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n  ${'Dx'.repeat(16_000)}: {status: planned}\n`;
    const engine = makeEngine();
    let start = performance.now();
    const doc = engine.check({ path: '/ws/ai-governance.yaml', text, workspaceRoot: '/ws' });
    assert.ok(seconds(start) < 3, `check took ${seconds(start)} s`);
    const finding = doc.diagnostics.find((d) => d.code === 'unknown-item');
    assert.ok(finding);
    start = performance.now();
    engine.hover(doc, finding.range.start, 'ja');
    assert.ok(seconds(start) < 1, `hover took ${seconds(start)} s`);
  });

  test('a 1.9 MB unknown top-level key: the "did you mean" of unknown-key stops early (84 s before)', () => {
    const text = `${HEADER}z${'ab'.repeat(950_000)}: 1\n`;
    const start = performance.now();
    const { codes } = check(text);
    assert.ok(codes.includes('unknown-key'));
    assert.ok(seconds(start) < 10, `check took ${seconds(start)} s`);
  });

  test('thousands of distinct unknown ids still get their suggestions', () => {
    const text = `${HEADER}roles: [developer]\nitems:\n${Array.from({ length: 2000 }, (_, i) => `  D-${(i % 9) + 1} ${'ivx'[i % 3]}${i}:\n    status: planned\n`).join('')}`;
    const start = performance.now();
    const unknown = check(text).of('unknown-item');
    assert.equal(unknown.length, 2000);
    assert.ok(unknown.every((d) => Array.isArray(d.data.suggestions)));
    assert.ok(seconds(start) < 15, `check took ${seconds(start)} s`);
  });
});

describe('a code-action request proves its fixes within a budget (issue 16 §2)', () => {
  test('the first proof always runs; once the budget is spent, further fixes are not offered', () => {
    const text = 'roles: [developer]\nitems:\n  C-1:\n    status: planned # keep\n';
    const doc = check(text).doc;
    assert.ok(doc.state === 'parsed');
    const record = doc.record;
    const at = text.indexOf('planned');
    const harmless = [{ start: at, end: at + 7, newText: 'partial' }];
    const spent = safetyCheck(record, 0);
    assert.equal(spent(harmless), true, 'the first proof runs');
    const deadline = performance.now() + 5;
    while (performance.now() < deadline) {
      // let the zero budget pass
    }
    assert.equal(spent(harmless), false, 'out of budget: not proved, not offered');
    assert.equal(safetyCheck(record)(harmless), true, 'without a budget every proof runs');
  });
});

describe('found by the fuzz run (seed 20261203, shrunk)', () => {
  test('on a lone-CR file, no fix splits what YAML reads as one comment', () => {
    // YAML reads everything after `#` up to the next \n as one comment; the editor sees seven lines.
    const text = '[# TODO\rapiVersion: ai-governance/v1\rguideline: "1.0"\rorganization:\r  name: 株式会社テスト\r  accountable: 山田花子\r  contact: ai@example.co.jp\r';
    const engine = makeEngine();
    const { doc } = check(text);
    const before = yamlComments(text);
    for (const d of doc.diagnostics) {
      for (const fix of engine.fixes(doc, [d])) {
        if (!fix.edits.length) continue;
        const after = new Set(yamlComments(applyEdits(text, fix.edits)));
        for (const c of before) assert.ok(after.has(c), `${fix.title} split the comment ${JSON.stringify(c)}`);
      }
    }
  });
});

describe('found by the confirmation fuzz run (seed 20261210, shrunk)', () => {
  test('"disable this line" on a line that starts with a BOM copies no BOM into the file', () => {
    const text = '\uFEFF\uFEFF\u0000apiVersion: ai-governance/v1\nguideline: "1.0"\n';
    const engine = makeEngine();
    const { doc, of } = check(text);
    const disable = engine.fixes(doc, of('yaml-syntax')).find((f) => f.title.includes('yaml-syntax') && f.edits.length);
    assert.ok(disable);
    const fixed = applyEdits(text, disable.edits);
    assert.equal(fixed.split('\uFEFF').length, text.split('\uFEFF').length, JSON.stringify(fixed));
    assert.ok(fixed.startsWith('# ai-governance-disable-next-line yaml-syntax\n'), JSON.stringify(fixed));
  });
});
