/** Argument helpers, and drift between the program, the rule metadata and README.md. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildProgram, pairOutputs } from '../../server/src/cli/args';
import { FORMATS } from '../../server/src/cli/formatters';
import { UsageError } from '../../server/src/cli/io';
import { RULE_DOCS, ruleName } from '../../server/src/cli/rules';
import { languageFromEnv } from '../../server/src/cli/settings';
import { RULE_CODES } from '../../server/src/engine';
import { REPO } from '../support/cli';

describe('pairOutputs', () => {
  test('the n-th file belongs to the n-th format; the rest go to stdout; no -f means stylish', () => {
    assert.deepEqual(pairOutputs(['json', 'sarif', 'stylish'], ['a.json', 'b.sarif']), [{ format: 'json', file: 'a.json' }, { format: 'sarif', file: 'b.sarif' }, { format: 'stylish' }]);
    assert.deepEqual(pairOutputs([], []), [{ format: 'stylish' }]);
    assert.deepEqual(pairOutputs([], ['out.txt']), [{ format: 'stylish', file: 'out.txt' }]);
    assert.throws(() => pairOutputs(['json'], ['a', 'b']), UsageError);
  });
});

describe('languageFromEnv', () => {
  test('LC_ALL, then LC_MESSAGES, then LANG; ja only when the locale starts with ja', () => {
    assert.equal(languageFromEnv({}), 'en');
    assert.equal(languageFromEnv({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(languageFromEnv({ LANG: 'JA' }), 'ja');
    assert.equal(languageFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP' }), 'ja');
    assert.equal(languageFromEnv({ LANG: 'ja_JP.UTF-8', LC_ALL: 'C.UTF-8' }), 'en');
  });
});

describe('rule metadata', () => {
  test('every rule code has a title, a description and a fix in both languages', () => {
    for (const code of RULE_CODES) {
      const doc = RULE_DOCS[code];
      assert.ok(doc, code);
      for (const field of [doc.title, doc.description, doc.fix]) {
        assert.ok(field.ja.length > 0 && field.en.length > 0, code);
        assert.notEqual(field.ja, field.en, code);
      }
    }
    assert.deepEqual(Object.keys(RULE_DOCS).sort(), [...RULE_CODES].sort());
    assert.equal(ruleName('missing-required-item'), 'MissingRequiredItem');
  });
});

describe('README.md', () => {
  const docs = readFileSync(join(REPO, 'README.md'), 'utf8');
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: REPO, env: {} };
  const noop = async () => undefined;
  const program = buildProgram(io, { check: noop, explain: noop, changes: noop, init: noop }, '0.0.0');

  test('documents every command and every option', () => {
    for (const command of program.commands) {
      assert.ok(docs.includes(`ai-governance ${command.name()}`), command.name());
      for (const option of command.options) assert.ok(docs.includes(`\`${option.flags}`) || docs.includes(`${option.long}`), `${command.name()} ${option.flags}`);
    }
  });

  test('documents every format and the CI recipes', () => {
    for (const format of FORMATS) assert.ok(docs.includes(`\`${format}\``), format);
    assert.match(docs, /github\/codeql-action\/upload-sarif@/);
    assert.match(docs, /repo: local/);
    assert.match(docs, /\.git\/hooks\/pre-commit/);
  });
});
