/**
 * Lists every quote of a catalog(-part) JSON file that is not verbatim in ../shared/seeds.
 * Usage: npx tsx scripts/check-quotes.ts schemas/catalog.json [more.json …]
 */
import { readFileSync } from 'node:fs';
import { collectQuotes, findVerbatim, loadSeeds } from './lib/verbatim';

const seeds = loadSeeds();
let bad = 0;
let total = 0;
for (const file of process.argv.slice(2)) {
  const quotes = collectQuotes(JSON.parse(readFileSync(file, 'utf8')));
  for (const q of quotes) {
    total++;
    const r = findVerbatim(q.text, seeds);
    if (!r.ok) {
      bad++;
      console.log(`${file} ${q.path}: ${r.reason}`);
    }
  }
}
console.log(`${total - bad} of ${total} quotes verbatim`);
process.exit(bad === 0 ? 0 : 1);
