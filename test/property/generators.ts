/**
 * fast-check generators of governance records as users and tools really write them — valid and
 * near-valid: catalog ids in every alias form the guideline prints, statuses, dates, evidence paths,
 * systems, flow and block styles, anchors and aliases, comments everywhere — then damaged at the text
 * level (CRLF, lone CR, BOM, tabs, full-width characters, NUL, truncation), and sequences of edits.
 */
import fc from 'fast-check';
import { loadCatalog } from '../../server/src/engine/catalog';

const catalog = loadCatalog();
const IDS = catalog.items.map((item) => item.id);
const SAFEGUARDS = ['human-oversight', 'least-privilege', 'tool-allowlist', 'data-minimisation', 'log-review', 'hardware-data-erasure', 'human-oversigth'];

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨';

/** The alias spellings DESIGN §3 accepts (and a few it should not), from one canonical id. */
function aliasForms(id: string): string[] {
  const forms = [id, id.toLowerCase(), id.toUpperCase(), id.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]), id.replace('-', ''), ` ${id}`];
  const sub = /^([DPU])-(\d+) ([ivx]+)$/.exec(id);
  if (sub) forms.push(`${sub[1]}-${sub[2]}) ${sub[3]}.`, `${sub[1]}-${sub[2]}）${sub[3]}.`, `${sub[1].toLowerCase()}-${sub[2]} ${sub[3].toUpperCase()}`, `${sub[1]}-${sub[2]}-${sub[3]}`);
  const principle = /^C-(\d+)$/.exec(id);
  if (principle) forms.push(`${principle[1]})`, `${principle[1]}）`, `C-${principle[1]})`);
  const part = /^C-(\d+)-(\d+)$/.exec(id);
  if (part) forms.push(`C-${part[1]} ${CIRCLED[Number(part[2]) - 1] ?? part[2]}`, `${part[1]}) ${CIRCLED[Number(part[2]) - 1] ?? part[2]}`);
  const h = /^H-(\d+)$/.exec(id);
  if (h) forms.push(`${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][Number(h[1]) - 1]})`, `h-${h[1]}`);
  const g = /^G-(\d+)-(\d+)(?:-(\d+))?$/.exec(id);
  if (g) forms.push(`行動目標${g[1]}-${g[2]}${g[3] ? `-${g[3]}` : ''}`);
  return forms;
}

const ALIASES = IDS.flatMap(aliasForms);

const quoted = (s: string) => fc.constantFrom(s, JSON.stringify(s), `'${s.replace(/'/g, "''")}'`);

/** An item key: a catalog id in some spelling, a near miss, or junk. */
export const itemKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALIASES).chain(quoted) },
  { weight: 1, arbitrary: fc.constantFrom(...IDS).map((id) => id.replace(/\d+/, (n) => String(Number(n) + 7))) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.constantFrom('x-note', 'x-extra', '?', '- C-1', '[C-1]', '{}', 'C-1 # c') },
);

const status = fc.constantFrom('implemented', 'partial', 'planned', 'not-applicable', 'done', '', '"planned"', 'implemented # ok');
const date = fc.oneof(
  fc.date({ min: new Date('2019-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13-01', 'yesterday', '2026/01/01', '"2026-01-01"', '20260101'),
);
const evidencePath = fc.oneof(
  fc.constantFrom('docs/a.md', 'docs/b.md#section', 'docs\\\\win.md', './docs/a.md', 'missing.md', '../../../etc/passwd', '/etc/passwd', 'C:\\\\x.md', 'https://example.com/policy', 'passwd-link', 'pipe', 'docs'),
  fc.stringMatching(/^[a-z0-9/._-]{1,20}$/),
);

const list = (items: fc.Arbitrary<string>, indent: string) =>
  fc.tuple(fc.array(items, { maxLength: 4 }), fc.boolean()).map(([values, flow]) =>
    flow || values.length === 0 ? ` [${values.join(', ')}]` : `\n${values.map((v) => `${indent}- ${v}`).join('\n')}`,
  );

const comment = fc.constantFrom('', '', '', ' # 注記', ' # TODO', ' #', ' # ai-governance-disable-next-line', ' # ai-governance-disable-next-line unknown-item');

/** One entry under `items:` (two-space indented key), block or flow. */
const itemEntry = fc
  .record({
    key: itemKey,
    style: fc.constantFrom('block', 'block', 'flow', 'null', 'anchor', 'alias'),
    status,
    owner: fc.option(fc.constantFrom('ガバナンス室', '""', 'team-a'), { nil: undefined }),
    justification: fc.option(fc.constantFrom('対象外のため', '""'), { nil: undefined }),
    reviewed: fc.option(date, { nil: undefined }),
    evidence: fc.option(list(evidencePath, '      '), { nil: undefined }),
    comments: fc.array(comment, { minLength: 6, maxLength: 6 }),
  })
  .map(({ key, style, status, owner, justification, reviewed, evidence, comments: c }) => {
    if (style === 'null') return `  ${key}:${c[0]}`;
    if (style === 'alias') return `  ${key}: *entry${c[0]}`;
    if (style === 'flow') return `  ${key}: {status: ${status || 'planned'}${owner ? `, owner: ${owner}` : ''}}${c[0]}`;
    const fields = [`    status: ${status}${c[1]}`];
    if (owner) fields.push(`    owner: ${owner}${c[2]}`);
    if (justification) fields.push(`    justification: ${justification}`);
    if (reviewed) fields.push(`    reviewed: ${reviewed}${c[3]}`);
    if (evidence !== undefined) fields.push(`    evidence:${evidence}${c[4]}`);
    return [`  ${key}:${style === 'anchor' ? ' &entry' : ''}${c[5]}`, ...fields].join('\n');
  });

const system = fc
  .record({
    id: fc.constantFrom('chatbot', 'agent-1', 'scoring', 'robot'),
    kinds: list(fc.constantFrom('generative', 'predictive', 'agent', 'physical', 'other', 'agnet'), '      '),
    safeguards: fc.option(list(fc.constantFrom(...SAFEGUARDS), '      '), { nil: undefined }),
    items: fc.option(list(fc.constantFrom(...ALIASES.slice(0, 40)), '      '), { nil: undefined }),
  })
  .map(({ id, kinds, safeguards, items }) =>
    [`  - id: ${id}`, `    kinds:${kinds}`, ...(safeguards !== undefined ? [`    safeguards:${safeguards}`] : []), ...(items !== undefined ? [`    items:${items}`] : [])].join('\n'),
  );

/** A whole record, as lines joined by \n (line endings are chosen later). */
export const recordText = fc
  .record({
    apiVersion: fc.constantFrom('apiVersion: ai-governance/v1', 'apiVersion: ai-governance/v1', 'apiVersion: v0', ''),
    organization: fc.constantFrom('organization:\n  name: 株式会社テスト\n  accountable: 山田花子\n  contact: ai@example.co.jp', 'organization: {name: A社}', ''),
    roles: fc.option(list(fc.constantFrom('developer', 'provider', 'business-user', 'devloper'), '  '), { nil: undefined }),
    advancedAI: fc.constantFrom('', '', 'advancedAI: true', 'advancedAI: "yes"'),
    items: fc.option(fc.array(itemEntry, { maxLength: 8 }), { nil: undefined }),
    itemsFlow: fc.boolean(),
    systems: fc.option(fc.array(system, { maxLength: 3 }), { nil: undefined }),
    extra: fc.constantFrom('', '', 'x-note: 自由記述', 'unknwn: 1', '---\nsecond: document', '...'),
    leading: comment,
  })
  .map(({ apiVersion, organization, roles, advancedAI, items, itemsFlow, systems, extra, leading }) => {
    const parts = [leading.trim(), apiVersion, 'guideline: "1.0"', organization, roles !== undefined ? `roles:${roles}` : '', advancedAI];
    if (items !== undefined) {
      parts.push(itemsFlow && items.length === 0 ? 'items: {}' : `items:${items.length ? '\n' + items.join('\n') : ''}`);
    }
    if (systems !== undefined) parts.push(`systems:${systems.length ? '\n' + systems.join('\n') : ' []'}`);
    parts.push(extra);
    return parts.filter((p) => p !== '').join('\n') + '\n';
  });

/** Text-level damage, applied in order: what editors, tools and accidents do to a file. */
const damage = fc.oneof(
  { weight: 3, arbitrary: fc.constant((t: string) => t) },
  { weight: 2, arbitrary: fc.constant((t: string) => t.replace(/\n/g, '\r\n')) },
  { weight: 2, arbitrary: fc.constant((t: string) => t.replace(/\n/g, '\r')) },
  { weight: 1, arbitrary: fc.integer().map((seed) => (t: string) => t.replace(/\n/g, () => ['\n', '\r\n', '\r'][Math.abs(seed = (seed * 1103515245 + 12345) | 0) % 3])) },
  { weight: 1, arbitrary: fc.constant((t: string) => '\uFEFF' + t) },
  { weight: 1, arbitrary: fc.nat().map((n) => (t: string) => t.replace(/ {2}/g, (m, at: number) => (at % 7 === n % 7 ? '\t' : m))) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom('：', '　', '－', '（', '𠮷', '\u0000', '#', '"', "'", '[', '{', '&', '*', '\t', '\r', 'é')).map(([at, c]) => (t: string) => t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1))) },
  { weight: 1, arbitrary: fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.nat({ max: 20 })).map(([at, n]) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)) },
);

export const record = fc.tuple(recordText, fc.array(damage, { maxLength: 3 })).map(([text, steps]) => steps.reduce((t, step) => step(t), text));

/** A change as the editor sends it: replace [start, end) (offsets into the current text, taken modulo its length). */
export interface Edit {
  start: number;
  length: number;
  text: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  start: fc.nat(),
  length: fc.nat({ max: 12 }),
  text: fc.oneof(
    fc.constantFrom('', ' ', '\n', '\r\n', '\r', ':', '- ', '  C-1:\n    status: planned\n', 'status: done', '#', '"', '[', ']', '𠮷', '\t', 'D-7) ii.', 'evidence: [docs/a.md]'),
    fc.string({ maxLength: 6 }),
  ),
});

export const editSequence = fc.array(edit, { minLength: 1, maxLength: 8 });

/** Applies an edit to a text the way a client computes it (clamped into the text). */
export function applyEdit(text: string, e: Edit): { text: string; start: number; end: number } {
  const start = e.start % (text.length + 1);
  const end = Math.min(text.length, start + e.length);
  return { text: text.slice(0, start) + e.text + text.slice(end), start, end };
}
