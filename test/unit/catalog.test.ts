/**
 * The catalog against the guideline itself: every quote verbatim in ../shared/seeds, and the
 * number of items of each kind equal to what the source defines (an item added or lost fails).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import catalogJson from '../../schemas/catalog.json';
import { collectQuotes, findVerbatim, LABEL_KEYS, loadSeeds, tidySpaces } from '../../scripts/lib/verbatim';
import { loadCatalog } from '../../server/src/engine/catalog';
import type { Catalog, ItemKind } from '../../server/src/engine/catalogTypes';
import { GUIDELINE_SEED, readSeed, seedsSkipReason } from '../support/seeds';

const catalog = loadCatalog();
const skip = seedsSkipReason();

/** The text between two markers of the guideline seed (the 本編 part a kind of item lives in). */
function section(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  assert.ok(start !== -1 && end !== -1, `markers not found: ${from} … ${to}`);
  return text.slice(start, end);
}

function distinct(matches: Iterable<RegExpMatchArray>, key: (m: RegExpMatchArray) => string): Set<string> {
  return new Set([...matches].map(key));
}

describe('catalog provenance', { skip }, () => {
  test('every quote is verbatim in the guideline seeds (whitespace removed)', () => {
    const seeds = loadSeeds();
    const quotes = collectQuotes(catalogJson);
    assert.ok(quotes.length > 500, `expected hundreds of quotes, found ${quotes.length}`);
    const failures = quotes.flatMap((q) => {
      const result = findVerbatim(q.text, seeds);
      return result.ok ? [] : [`${q.path}: ${result.reason}`];
    });
    assert.deepEqual(failures, [], `${failures.length} quotes are not verbatim`);
  });

  test('the checker rejects a paraphrase', () => {
    const seeds = loadSeeds();
    const item = catalog.get('D-7 ii');
    assert.ok(item, 'D-7 ii is in the catalog');
    const altered = item.text[0].replace('文書化', '記録化');
    assert.notEqual(altered, item.text[0]);
    assert.equal(findVerbatim(altered, seeds).ok, false);
  });
});

describe('catalog counts against the source', { skip }, () => {
  const source = skip ? '' : readSeed(GUIDELINE_SEED);
  const count = (kind: ItemKind) => catalog.items.filter((i) => i.kind === kind).length;

  test('role items: every D-/P-/U- label of 本編 第3–5部', () => {
    const body = section(source, '第３部 AI開発者に関する事項', '別添の構成と読者への期待');
    const labels = distinct(body.matchAll(/([DPU])-(\d+)[)）]\s*([ivx]+)\./g), (m) => `${m[1]}-${m[2]} ${m[3]}`);
    for (const [letter, kind] of [['D', 'developer'], ['P', 'provider'], ['U', 'business-user']] as const) {
      const fromSource = [...labels].filter((l) => l.startsWith(letter)).sort();
      const inCatalog = catalog.items.filter((i) => i.kind === kind).map((i) => i.id).sort();
      assert.deepEqual(inCatalog, fromSource, `${kind} items differ from the source`);
    }
    assert.deepEqual([count('developer'), count('provider'), count('business-user')], [12, 11, 7]);
  });

  test('advanced-AI principles: I) … XII) of 第2部 D', () => {
    const body = section(source, '高度な AIシステムに関係する事業者は、広島', 'E.  AIガバナンスの構築');
    const numerals = distinct(body.matchAll(/^\s*([IVX]+)\)\s/gm), (m) => m[1]);
    assert.equal(numerals.size, 12);
    assert.equal(count('advanced'), numerals.size);
  });

  test('common principles 1) … 10) and their circled sub-items of 第2部 C', () => {
    const body = section(source, '各主体が連携して、バリューチェーン全体で取り組むべきことは', '以上の事項に加え、AI開発者、AI提供者、AI利用者のそれぞれで重要となる事項は');
    assert.equal(count('common'), 10);
    const circled = [...body.matchAll(/^\s*([①②③④⑤⑥⑦⑧⑨⑩])\s*\S/gm)].length;
    assert.equal(count('common-sub'), circled, 'one sub-item per circled heading');
    assert.equal(circled, 30);
    for (const item of catalog.items.filter((i) => i.kind === 'common-sub')) {
      assert.ok(catalog.get(item.parent ?? ''), `${item.id} has its principle`);
    }
  });

  test('action goals: every 行動目標 of 別添2', () => {
    const annex = section(source, '別添 2.「第 2部 E.AIガバナンスの構築」 関連', 'A. 本編「第 3部 AI開発者に関する事項」 の解説');
    const goals = distinct(annex.matchAll(/行動目標\s*(\d+-\d+(?:-\d+)?)【/g), (m) => `G-${m[1]}`);
    const inCatalog = catalog.items.filter((i) => i.kind === 'goal').map((i) => i.id);
    assert.deepEqual([...inCatalog].sort(), [...goals].sort());
    assert.equal(goals.size, 20);
  });
});

describe('catalog shape', () => {
  const data = catalogJson as unknown as Catalog;

  test('ids are unique and canonical', () => {
    const ids = data.items.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(C-\d+(-\d+)?|[DPU]-\d+ [ivx]+|H-\d+|G-\d+-\d+(-\d+)?)$/);
  });

  test('documentation items are exactly those of DESIGN §3', () => {
    const docs = data.items.filter((i) => i.documentation).map((i) => i.id).sort();
    assert.deepEqual(docs, ['C-7-6', 'D-7 ii', 'P-6 i', 'P-7 ii', 'U-7 ii'].sort());
  });

  test('every item has a title, text, level word and citation', () => {
    for (const item of data.items) {
      assert.ok(item.title.length > 0, item.id);
      assert.ok(item.text.length > 0, `${item.id} has 本編 text`);
      assert.ok(['すべき', '重要', '期待される'].includes(item.level.word), `${item.id} level word`);
      assert.ok(item.citation.part && item.citation.label, `${item.id} citation`);
      assert.ok(item.titleEn.length > 0, `${item.id} titleEn`);
    }
  });

  test('our own labels (citations, sources) stay under 30 characters: every longer Japanese string is a quote', () => {
    const long: string[] = [];
    const walk = (value: unknown, path: string, key: string): void => {
      if (typeof value === 'string') {
        if (LABEL_KEYS.has(key) && /[\u3040-\u30ff\u3400-\u9fff]/.test(value) && value.length >= 30) long.push(`${path}: ${value}`);
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, LABEL_KEYS.has(key) ? key : k);
    };
    walk(catalogJson, '$', '');
    assert.deepEqual(long, []);
  });

  test('quotes carry no footnote markers, footnote URLs or edit marks of the PDF', () => {
    const noise = [/[¹²³⁴⁵⁶⁷⁸⁹⁰]/, /」\d{1,3}(?![\d年月日版])/, /[←↓]/, /\]\(#\)/, /https?:\/\//];
    const found = collectQuotes(catalogJson).filter((q) => noise.some((re) => re.test(q.text)));
    assert.deepEqual(found.map((q) => `${q.path}: ${q.text.slice(0, 60)}`), []);
  });

  test('quotes have no layout spaces of the PDF extraction (scripts/lib/verbatim.ts tidySpaces)', () => {
    const untidy = collectQuotes(catalogJson).filter((q) => tidySpaces(q.text) !== q.text);
    assert.deepEqual(untidy.map((q) => `${q.path}: ${q.text.slice(0, 60)}`), []);
  });

  test('definitions the hovers need are present', () => {
    const ids = data.definitions.map((d) => d.id);
    for (const id of ['ai-developer', 'ai-provider', 'ai-business-user', 'non-business-user', 'advanced-ai-system', 'ai-agent', 'physical-ai']) {
      assert.ok(ids.includes(id), `definition ${id}`);
    }
  });
});
