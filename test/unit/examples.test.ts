/**
 * The example records (examples/): valid against the JSON Schema with a real validator, the way
 * Red Hat YAML reads them, and complete and correct by the engine's own rules (no finding at all).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import schema from '../../schemas/ai-governance.schema.json';
import { createEngine } from '../../server/src/engine';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** A fixed day shortly after the examples' reviews, so the stale-review rule does not age the test. */
const TODAY = '2026-11-23';
const folders = readdirSync(EXAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('examples', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const engine = createEngine({ fs: { exists: existsSync }, today: () => TODAY });

  test('three organisations: developer + provider, a provider running agents, a business user', () => {
    const records = folders.map((f) => parse(readFileSync(join(EXAMPLES, f, 'ai-governance.yaml'), 'utf8')) as { roles: string[]; systems?: Array<{ kinds?: string[] }> });
    assert.ok(records.some((r) => r.roles.includes('developer') && r.roles.includes('provider')));
    assert.ok(records.some((r) => r.roles.includes('provider') && (r.systems ?? []).some((s) => s.kinds?.includes('agent'))));
    assert.ok(records.some((r) => r.roles.length === 1 && r.roles[0] === 'business-user'));
  });

  for (const folder of folders) {
    const path = join(EXAMPLES, folder, 'ai-governance.yaml');
    const text = readFileSync(path, 'utf8');

    test(`${folder}: valid against schemas/ai-governance.schema.json`, () => {
      validate(parse(text));
      assert.deepEqual(validate.errors ?? [], []);
    });

    test(`${folder}: no finding of any severity`, () => {
      const { diagnostics } = engine.check({ path, text, workspaceRoot: EXAMPLES });
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }
});
