/** Drift tests: generated data, the manifest and the README agree with the code. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCatalog } from '../../server/src/engine/catalog';
import { buildJsonSchema } from '../../server/src/engine/jsonSchema';
import { buildSnippets } from '../../server/src/engine/snippets';
import { severityProperties, withReadmeRules } from '../../scripts/lib/ruleDocs';
import { DEFAULT_SEVERITY, RULE_CODES } from '../../server/src/engine/rules/registry';
import { GOVERNANCE_FILE_PATTERNS } from '../../server/src/engine/vocabulary';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const catalog = loadCatalog();
/** Every source file of the client, where commands are registered and strings translated. */
const clientSources = () =>
  readdirSync(join(root, 'client', 'src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => read(`client/src/${f}`))
    .join('\n');

test('schemas/ai-governance.schema.json is what the catalog generates (npm run schema)', () => {
  assert.deepEqual(JSON.parse(read('schemas/ai-governance.schema.json')), buildJsonSchema(catalog));
});

test('the schema has a markdownDescription on every item key', () => {
  const schema = buildJsonSchema(catalog) as { properties: { items: { properties: Record<string, { markdownDescription?: string }> } } };
  const keys = Object.keys(schema.properties.items.properties);
  assert.deepEqual(keys, catalog.items.map((i) => i.id));
  for (const key of keys) assert.match(schema.properties.items.properties[key].markdownDescription ?? '', /出典: /);
});

test('snippets are what the catalog generates', () => {
  assert.deepEqual(JSON.parse(read('snippets/ai-governance.code-snippets')), buildSnippets(catalog));
});

test('package.json severity settings are what the rule registry generates (npm run generate)', () => {
  const pkg = JSON.parse(read('package.json'));
  const props = pkg.contributes.configuration.properties['aiGovernance.severity'].properties;
  assert.deepEqual(props, severityProperties());
  assert.deepEqual(Object.keys(props), [...RULE_CODES]);
});

test('the README rule table and sections are what the rule registry generates (npm run generate)', () => {
  const readme = read('README.md');
  assert.equal(readme, withReadmeRules(readme), 'README.md is stale: run npm run generate');
});

test('package.json activation events and yamlValidation name the governance files the server checks', () => {
  const pkg = JSON.parse(read('package.json'));
  const activation = (pkg.activationEvents as string[]).filter((e) => e.startsWith('workspaceContains:'));
  assert.deepEqual(activation, GOVERNANCE_FILE_PATTERNS.map((name) => `workspaceContains:**/${name}`));
  assert.deepEqual(pkg.contributes.yamlValidation.map((v: { fileMatch: string[] }) => v.fileMatch), [[...GOVERNANCE_FILE_PATTERNS]]);
});

test('package.json settings are the ones the server reads', () => {
  const pkg = JSON.parse(read('package.json'));
  const settings = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace('aiGovernance.', ''));
  const protocol = read('server/src/protocol.ts');
  // A dotted setting (debug.verifyIncremental) arrives as a nested object: each part is a field.
  for (const key of settings.filter((s) => s !== 'trace.server')) {
    for (const part of key.split('.')) assert.match(protocol, new RegExp(`\\b${part}\\?:`), `RawSettings.${key}`);
  }
});

test('package.json commands are the ones the client registers, with Japanese titles', () => {
  const pkg = JSON.parse(read('package.json'));
  const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  const registered = [...clientSources().matchAll(/'(aiGovernance\.[A-Za-z]+)': async/g)].map((m) => m[1]).sort();
  assert.deepEqual(declared, registered);
  const en = JSON.parse(read('package.nls.json'));
  const ja = JSON.parse(read('package.nls.ja.json'));
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort(), 'Japanese manifest strings complete');
  for (const placeholder of JSON.stringify(pkg.contributes).match(/%[\w.]+%/g) ?? []) {
    assert.ok(placeholder.slice(1, -1) in en, `${placeholder} defined`);
  }
});

test('the l10n bundle translates every string the client shows (t, tn and vscode.l10n.t)', () => {
  const client = clientSources();
  const literal = "'((?:[^'\\\\]|\\\\.)*)'";
  const calls = new RegExp(`\\b(?:l10n\\.t|t|tn)\\(\\s*(?:[\\w.]+,\\s*)?${literal}(?:\\s*,\\s*${literal})?`, 'g');
  const strings = [...client.matchAll(calls)].flatMap((m) => [m[1], m[2]]).filter((s): s is string => s !== undefined).map((s) => s.replace(/\\'/g, "'"));
  assert.ok(strings.includes('AI Governance: checked {0} governance file'), 'tn() strings are read');
  const bundle = JSON.parse(read('l10n/bundle.l10n.ja.json'));
  assert.ok(strings.length > 0);
  for (const s of strings) assert.ok(s in bundle, `l10n/bundle.l10n.ja.json lacks: ${s}`);
});

test('the README documents every rule code with its default severity and a section', () => {
  const readme = read('README.md');
  for (const code of RULE_CODES) {
    assert.match(readme, new RegExp(`\\| \\[${code}\\]\\(#${code}\\) \\| ${DEFAULT_SEVERITY[code]} \\|`), `table row of ${code}`);
    assert.match(readme, new RegExp(`^### ${code}$`, 'm'), `section of ${code}`);
  }
});

test('the engine imports neither vscode nor the LSP libraries', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  for (const file of walk(join(root, 'server', 'src', 'engine'))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /from '(vscode|vscode-languageserver[^']*|vscode-languageclient[^']*|vscode-jsonrpc)'/, file);
  }
});

test('views, menus and walkthrough steps name declared commands and files that exist', () => {
  const pkg = JSON.parse(read('package.json'));
  const c = pkg.contributes;
  const declared = new Set(c.commands.map((x: { command: string }) => x.command));
  for (const [menu, entries] of Object.entries(c.menus as Record<string, Array<{ command: string }>>)) {
    for (const entry of entries) assert.ok(declared.has(entry.command), `${menu}: ${entry.command} is declared`);
  }
  const container = c.viewsContainers.activitybar.find((v: { id: string }) => v.id === 'aiGovernance');
  assert.ok(container && statSync(join(root, container.icon)).isFile(), 'the activity bar icon exists');
  assert.deepEqual(c.views.aiGovernance.map((v: { id: string }) => v.id), ['aiGovernance.overview']);
  assert.match(clientSources(), /createTreeView\('aiGovernance\.overview'/);
  const en = JSON.parse(read('package.nls.json'));
  assert.match(en['view.overview.welcome'], /command:aiGovernance\.createRecord/);
  const steps = c.walkthroughs[0].steps as Array<{ description: string; media: { markdown: string } }>;
  assert.ok(steps.length >= 3);
  const linked = steps.flatMap((s) => [...(en[s.description.slice(1, -1)] as string).matchAll(/command:([\w.]+)/g)].map((m) => m[1]));
  for (const command of linked.filter((x) => x.startsWith('aiGovernance.'))) assert.ok(declared.has(command), `walkthrough links ${command}`);
  for (const step of steps) assert.ok(statSync(join(root, step.media.markdown)).isFile(), step.media.markdown);
  assert.match(read('.vscodeignore'), /^!media\/\*\*$/m, 'media/ goes into the package');
});

test('the walkthrough quotes the guideline definitions of the roles and of 高度なAIシステム verbatim', () => {
  const roles = read('media/walkthrough/roles.md');
  for (const id of ['ai-developer', 'ai-provider', 'ai-business-user', 'advanced-ai-system']) {
    const definition = catalog.definition(id);
    assert.ok(definition, id);
    assert.ok(roles.includes(`## ${definition.term}`), `heading of ${definition.term}`);
    for (const paragraph of definition.text) assert.ok(roles.includes(`> ${paragraph}`), `verbatim: ${paragraph.slice(0, 30)}…`);
    assert.ok(roles.includes(definition.citation.document), `citation of ${definition.term}`);
  }
});
