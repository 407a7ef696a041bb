/** The offline rule documentation: every rule's README section is found, and only that section. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleSection } from '../../client/src/ruleSection';
import { RULE_CODES } from '../../server/src/engine/rules/registry';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('every rule code has a README section the editor can show offline', () => {
  for (const code of RULE_CODES) {
    const section = ruleSection(readme, code);
    assert.ok(section, `README section of ${code}`);
    assert.ok(section.split('\n')[0].endsWith(` ${code}`), section.split('\n')[0]);
    const others = RULE_CODES.filter((other) => other !== code && !other.startsWith(code) && !code.startsWith(other));
    for (const other of others) assert.ok(!section.includes(`### ${other}`), `${code}'s section stops before ${other}`);
  }
});

test('a section ends at the next heading of its level, and an unknown code has none', () => {
  const text = '## Diagnostics\n### a-rule\nwhat it means\n#### Example\nx: 1\n### b-rule\nother\n## Settings\n';
  assert.equal(ruleSection(text, 'a-rule'), '### a-rule\nwhat it means\n#### Example\nx: 1');
  assert.equal(ruleSection(text, 'b-rule'), '### b-rule\nother');
  assert.equal(ruleSection(text, 'c-rule'), null);
});
