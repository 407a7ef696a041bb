/**
 * schemas/ai-governance.schema.json as other tools use it: a stable `$id`, a SchemaStore-style
 * catalog that matches the same file names as the extension, and the real yaml-language-server
 * validating a record through a `# yaml-language-server: $schema=…` modeline (no schema mapping,
 * no schema store) — so the `$id` does not break the schema's own `#/definitions` references.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSchemaCatalog, SCHEMA_ID } from '../../server/src/engine/jsonSchema';
import { GOVERNANCE_FILE_PATTERNS, isGovernanceFileName } from '../../server/src/engine/vocabulary';
import { REPO } from '../support/cli';
import { TestClient, uri } from '../support/lsp';

const readJson = (path: string) => JSON.parse(readFileSync(join(REPO, path), 'utf8'));
const SCHEMA_FILE = join(REPO, 'schemas/ai-governance.schema.json');

describe('the schema’s address and catalog', () => {
  test('$id is a stable https address of this file in the repository', () => {
    const schema = readJson('schemas/ai-governance.schema.json');
    assert.equal(schema.$id, SCHEMA_ID);
    const url = new URL(SCHEMA_ID);
    assert.equal(url.protocol, 'https:');
    assert.match(url.pathname, /^\/ai-governance\/ai-governance-vscode\/main\/schemas\/ai-governance\.schema\.json$/);
    assert.doesNotMatch(SCHEMA_ID, /\d+\.\d+\.\d+/, 'no release in the address: it must not move');
  });

  test('schemas/schema-catalog.json is generated (npm run schema), points at $id and matches the extension’s file names', () => {
    const catalog = readJson('schemas/schema-catalog.json');
    assert.deepEqual(catalog, buildSchemaCatalog());
    assert.equal(catalog.$schema, 'https://json.schemastore.org/schema-catalog.json');
    const [entry] = catalog.schemas as Array<{ name: string; description: string; fileMatch: string[]; url: string }>;
    assert.equal(entry.url, SCHEMA_ID);
    assert.ok(entry.name && entry.description);
    const manifest = readJson('package.json');
    assert.deepEqual(entry.fileMatch, manifest.contributes.yamlValidation[0].fileMatch);
    assert.deepEqual(entry.fileMatch, [...GOVERNANCE_FILE_PATTERNS]);
    for (const name of ['ai-governance.yaml', 'ai-governance.yml', 'team.ai-governance.yaml']) assert.ok(isGovernanceFileName(name), name);
  });
});

describe('yaml-language-server with a $schema modeline', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ai-gov-modeline-'));
    const configuration = (section: string | undefined) => {
      const yaml = { validate: true, hover: true, completion: true, schemas: {}, schemaStore: { enable: false } };
      return section === 'yaml' ? yaml : section === undefined ? { yaml } : null;
    };
    client = await TestClient.start({ folders: [dir], command: [process.execPath, join(REPO, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], configuration });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `text` under a name the extension would not claim, so only the modeline selects the schema. */
  async function diagnose(name: string, text: string) {
    const path = join(dir, name);
    client.open(path, text, 1);
    const published = await client.until(() => client.diagnostics.get(uri(path)), `diagnostics of ${name}`, 60_000);
    return published.diagnostics;
  }

  test('an invalid status and an unknown top-level key are reported; a valid record gets nothing', async () => {
    const modeline = `# yaml-language-server: $schema=${uri(SCHEMA_FILE)}\n`;
    const bad = await diagnose('bad.yaml', `${modeline}apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n  D-7 ii:\n    status: done\nownr: x\n`);
    const found = bad.map((d) => ({ line: d.range.start.line, message: typeof d.message === 'string' ? d.message : d.message.value }));
    const listing = found.map((d) => `${d.line}: ${d.message}`).join('\n');
    assert.ok(found.some((d) => d.line === 5 && /implemented/.test(d.message)), `status enum from #/definitions: ${listing}`);
    assert.ok(found.some((d) => d.line === 6 && /ownr/.test(d.message)), `unknown key: ${listing}`);
    const example = readFileSync(join(REPO, 'examples/startup-developer-provider/ai-governance.yaml'), 'utf8');
    const good = await diagnose('good.yaml', modeline + example);
    assert.deepEqual(good, []);
  });
});
