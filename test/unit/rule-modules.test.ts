/**
 * The rule-module layout (server/src/engine/rules): each code written in one module only, every code
 * documented by an example the real engine shows it on, and every message verdict first.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import type { RuleModule } from '../../server/src/engine/rules/context';
import { RULE_CODES, RULE_DOCS, RULE_MODULES, codeMeta } from '../../server/src/engine/rules/registry';
import { makeEngine, RECORD, WORKSPACE } from '../support/engine';
import { checkExample } from '../support/ruleExamples';

const root = join(__dirname, '..', '..');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const sources = ['server/src', 'client/src'].flatMap((dir) => walk(join(root, dir))).filter((f) => f.endsWith('.ts'));
const texts = new Map(sources.map((f) => [relative(root, f).split('\\').join('/'), readFileSync(f, 'utf8')]));

/** The files that write `code` as a string literal ('…', "…" or `…`). */
function filesWriting(code: string): string[] {
  const literal = new RegExp(`(['"\`])${code.replace(/[-]/g, '\\-')}\\1`);
  return [...texts].filter(([, text]) => literal.test(text)).map(([file]) => file);
}

describe('one home per rule code', () => {
  test('each code string literal appears in exactly one source file: its rule module', () => {
    for (const module of RULE_MODULES as readonly RuleModule[]) {
      const homes = new Set(Object.keys(module.codes).flatMap(filesWriting));
      assert.equal(homes.size, 1, `the ${module.name} rule's codes are written in: ${[...homes].join(', ')}`);
      const [home] = homes;
      assert.match(home, /^server\/src\/engine\/rules\/[A-Za-z]+\.ts$/);
      assert.notEqual(home, 'server/src/engine/rules/registry.ts');
    }
    for (const code of RULE_CODES) assert.equal(filesWriting(code).length, 1, `${code}: ${filesWriting(code).join(', ')}`);
  });
  test('the literal finder sees a code written elsewhere', () => {
    texts.set('server/src/elsewhere.ts', "const code = 'missing-owner';");
    try {
      assert.equal(filesWriting('missing-owner').length, 2);
    } finally {
      texts.delete('server/src/elsewhere.ts');
    }
  });
});

describe('documented examples, through the real engine', () => {
  for (const code of RULE_CODES) {
    test(`${code}: the example shows it, the fixed example has fewer`, () => {
      const before = checkExample(code, 'yaml', 'ja').filter((d) => d.code === code);
      const after = checkExample(code, 'fixed', 'ja').filter((d) => d.code === code);
      assert.ok(before.length > 0, `${code} is shown on its example`);
      assert.ok(after.length < before.length, `${code}: the fixed example resolves it (${after.map((d) => d.message).join(' | ')})`);
      assert.equal(before[0].severity, codeMeta(code).severity);
    });
  }
  test('every code has a title, summary, description and fix in both languages', () => {
    for (const code of RULE_CODES) {
      const doc = RULE_DOCS[code];
      for (const text of [doc.title, doc.summary, doc.description, doc.fix]) {
        assert.ok(text.ja.trim() && text.en.trim(), code);
        assert.match(text.ja, /[\u3040-\u30ff\u3400-\u9fff]/, `${code}: Japanese text`);
      }
    }
  });
});

describe('messages verdict first', () => {
  for (const language of ['ja', 'en'] as const) {
    test(`the first 20 characters of every ${language} message hold its verdict`, () => {
      for (const code of RULE_CODES) {
        const verdict = codeMeta(code).verdict[language];
        assert.ok(verdict.length <= 20, `${code}: verdict "${verdict}" fits in 20 characters`);
        const found = checkExample(code, 'yaml', language).filter((d) => d.code === code);
        assert.ok(found.length > 0, code);
        for (const d of found) assert.ok(d.message.slice(0, 20).includes(verdict), `${code}: "${d.message.slice(0, 20)}" lacks "${verdict}"`);
      }
    });
  }
  test('a missing item is named by its short title, not its whole sentence', () => {
    const text = 'apiVersion: ai-governance/v1\nroles: [provider]\nadvancedAI: true\nitems: {}\n';
    const doc = makeEngine().check({ path: RECORD, text, workspaceRoot: WORKSPACE });
    const h12 = doc.diagnostics.find((d) => d.code === 'missing-required-item' && d.data.itemId === 'H-12');
    assert.ok(h12);
    assert.match(h12.message, /^必須項目がありません: H-12（.{1,30}）/);
    assert.ok(h12.message.length < 90, h12.message);
  });
});

describe('fixes carry stable ids', () => {
  test('every fix offered on the examples has an id, the generic ones included', () => {
    const ids = new Set<string>();
    for (const code of RULE_CODES) {
      const example = RULE_DOCS[code].example;
      const engine = makeEngine(example.files ?? [], '2026-11-22');
      const doc = engine.check({ path: RECORD, text: example.yaml, workspaceRoot: WORKSPACE }, example.settings);
      for (const fix of engine.fixes(doc, doc.diagnostics.filter((d) => d.code === code))) {
        assert.match(fix.id, /^[a-z]+(-[a-z]+)*$/, `${code}: ${fix.title}`);
        ids.add(fix.id);
      }
    }
    for (const id of ['add-item', 'add-not-applicable', 'canonical-id', 'did-you-mean', 'disable-line', 'show-item-text', 'show-rule-documentation']) assert.ok(ids.has(id), id);
  });
});
