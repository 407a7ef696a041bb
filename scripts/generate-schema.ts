/** Writes schemas/ai-governance.schema.json from the catalog (npm run schema). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../server/src/engine/catalog';
import { buildJsonSchema } from '../server/src/engine/jsonSchema';

const out = join(__dirname, '..', 'schemas', 'ai-governance.schema.json');
writeFileSync(out, JSON.stringify(buildJsonSchema(loadCatalog()), null, 2) + '\n');
console.log(`wrote ${out}`);
