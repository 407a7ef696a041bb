/**
 * Writes the data generated from the catalog: schemas/ai-governance.schema.json, the schema
 * catalog schemas/schema-catalog.json and snippets/ai-governance.code-snippets (npm run schema).
 * Drift tests fail when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/engine/catalog';
import { buildJsonSchema, buildSchemaCatalog } from '../server/src/engine/jsonSchema';
import { buildSnippets } from '../server/src/engine/snippets';

const root = join(__dirname, '..');
const catalog = loadCatalog();
const outputs: Array<[string, unknown]> = [
  ['schemas/ai-governance.schema.json', buildJsonSchema(catalog)],
  ['schemas/schema-catalog.json', buildSchemaCatalog()],
  ['snippets/ai-governance.code-snippets', buildSnippets(catalog)],
];
for (const [path, value] of outputs) {
  writeFileSync(join(root, path), JSON.stringify(value, null, 2) + '\n');
  console.log(`wrote ${path}`);
}
