/**
 * One-off assembly of schemas/catalog.json from the per-part extractions in schemas/parts/
 * (common, developer, provider, business-user, advanced, goals, fy2025). After assembly the
 * catalog is the single source; the parts are deleted. Kept for re-extraction work.
 * Usage: npx tsx scripts/merge-catalog.ts
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, CatalogItem, Definition, Safeguard, Update } from '../server/src/engine/catalogTypes';

const dir = join(__dirname, '..', 'schemas', 'parts');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- part files are checked by the catalog tests once merged
const read = (name: string): any => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : {});

const order = ['common.json', 'advanced.json', 'developer.json', 'provider.json', 'business-user.json', 'goals.json'];
const items: CatalogItem[] = order.flatMap((f) => (read(f).items ?? []) as CatalogItem[]);
const fy2025 = read('fy2025.json') as { updates?: Record<string, Update[]>; definitions?: Definition[]; safeguards?: Safeguard[] };
for (const item of items) {
  item.updates = [...(item.updates ?? []), ...(fy2025.updates?.[item.id] ?? [])];
}
const missing = Object.keys(fy2025.updates ?? {}).filter((id) => !items.some((i) => i.id === id));
if (missing.length) console.warn(`updates for ids not in the catalog: ${missing.join(', ')}`);

const catalog: Catalog = {
  guideline: {
    title: 'AI事業者ガイドライン',
    titleEn: 'AI Guidelines for Business',
    edition: '第1.0版',
    published: '2024-04',
    publisher: '総務省・経済産業省',
    update: '令和7年度更新内容（2026-03-12）',
  },
  translationNote: 'English titles and terms (titleEn, termEn) are unofficial translations by this project.',
  items,
  definitions: [...((read('common.json').definitions ?? []) as Definition[]), ...(fy2025.definitions ?? [])],
  safeguards: fy2025.safeguards ?? [],
};
writeFileSync(join(__dirname, '..', 'schemas', 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');
console.log(`catalog.json: ${items.length} items, ${catalog.definitions.length} definitions, ${catalog.safeguards.length} safeguards`);
