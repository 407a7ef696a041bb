/**
 * missing-required-item, missing-expected-item: what the declared roles need (DESIGN §3), one
 * finding per item on the `items` key (or on `roles` when there is no `items`). A principle is
 * covered by its own key (C-7) or by all of its sub-items (C-7-1 … C-7-6).
 */
import { shortTitle } from '../catalog';
import type { CatalogItem, Role } from '../catalogTypes';
import { insertItems } from '../edits';
import { presentIds } from '../record';
import type { EngineDiagnostic } from '../types';
import { ROLE_INFO } from '../vocabulary';
import type { CodeMeta, FixRequest, RuleModule } from './context';

type Code = 'missing-required-item' | 'missing-expected-item';
const CODES: readonly string[] = ['missing-required-item', 'missing-expected-item'] satisfies Code[];

function roleLabel(item: CatalogItem, roles: readonly Role[]): { ja: string; en: string } {
  const own = item.roles.length === 1 ? item.roles[0] : null;
  if (own) return { ja: ROLE_INFO[own].ja, en: `the ${ROLE_INFO[own].en} role` };
  if (item.kind === 'advanced') return { ja: '高度なAIシステムを扱う事業者', en: 'organisations handling advanced AI systems' };
  const declared = roles.map((r) => ROLE_INFO[r].ja).join('・');
  return { ja: declared || '全ての主体', en: 'every role' };
}

/** The canonical ids a missing-item finding asks for (a principle's missing sub-items, or the item). */
function missingIds(diagnostic: EngineDiagnostic): string[] {
  return diagnostic.data.missingSubItems ?? (diagnostic.data.itemId ? [diagnostic.data.itemId] : []);
}

/**
 * "Add" and "add as not applicable". Every entry goes in at an entry boundary, whole: when all the
 * entries this request asks for parse cleanly inserted together, each alone does too — one parse
 * instead of one per fix (a light bulb on `items:` may be asked about dozens of findings).
 */
function addMissing(diagnostic: EngineDiagnostic, request: FixRequest): void {
  const { record, catalog, item, language } = request;
  if (!item) return;
  const requested = request.once('missing-ids', () => request.requested.filter((d) => CODES.includes(d.code)).flatMap(missingIds));
  const plannedTogether = request.once('planned-together', () => requested.length > 1 && request.isSafe(insertItems(record, catalog, requested)));
  const notApplicableTogether = request.once('not-applicable-together', () => requested.length > 1 && request.isSafe(insertItems(record, catalog, requested, 'not-applicable')));
  const ids = missingIds(diagnostic).join(', ');
  const title = shortTitle(item.title);
  request.offer({
    id: 'add-item',
    title: language === 'ja' ? `${ids}（${title}）を追加` : `Add ${ids} (${title})`,
    edits: insertItems(record, catalog, missingIds(diagnostic)),
    isPreferred: true,
    trusted: plannedTogether,
  });
  request.offer({
    id: 'add-not-applicable',
    title: language === 'ja' ? `${ids}（${title}）を対象外（not-applicable）として追加` : `Add ${ids} (${title}) as not applicable`,
    edits: insertItems(record, catalog, missingIds(diagnostic), 'not-applicable'),
    trusted: notApplicableTogether,
  });
}

const HEAD = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:   # ← one finding per missing item, here\n';
const FIXED = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n';

const required: CodeMeta = {
  severity: 'warning',
  verdict: { ja: '必須項目がありません', en: 'Missing required' },
  message: {
    ja: (p) => `必須項目がありません: ${p.id}（${p.title}）。${p.role}として必要${p.detail ? `。${p.detail}` : ''}`,
    en: (p) => `Missing required item: ${p.id} (${p.titleEn}) for ${p.roleEn}${p.detailEn ? `: ${p.detailEn}` : ''}`,
  },
  docs: {
    title: { ja: '必要な項目がない', en: 'Required item missing' },
    summary: { ja: '宣言した roles が求める項目がない', en: 'an item the declared roles require is missing' },
    description: {
      ja: '宣言した roles（と advancedAI）に対してガイドラインが求める項目が記録にありません。項目ごとに 1 件、items:（items がなければ roles:）に表示します。共通の指針は原則のキー（C-7）か、そのすべての下位項目（C-7-1 … C-7-6）で満たします。一部の下位項目しかない場合は、足りないものをメッセージに示します。',
      en: 'The record lacks an item that its declared roles (and advancedAI) require: one diagnostic per item, on `items:` (or on `roles:` when there is no `items`). A common principle is covered by its own key (C-7) or by all of its sub-items (C-7-1 … C-7-6); when only some are present the message lists the missing ones.',
    },
    fix: {
      ja: 'クイックフィックス「D-7 ii を追加」が同じグループの項目の隣（なければガイドラインの順）にエントリ（status: planned、owner、evidence、reviewed の記入欄）を挿入し、「不足している必須項目をすべて追加」はすべてを挿入します。該当しない場合は status: not-applicable と justification を記入します。',
      en: 'The quick fix *Add D-7 ii* inserts the entry beside its siblings in your file (H-12 after the last H item you have; else in guideline order) (`status: planned`, `owner`, `evidence`, a `reviewed` reminder); *Add all missing required items* does it for all. If an item really does not apply, keep it with `status: not-applicable` and a `justification`.',
    },
    example: { yaml: `${HEAD}  D-7 i:\n    status: planned\n`, fixed: `${FIXED}  D-7 i:\n    status: planned\n  D-7 ii:\n    status: planned\n` },
  },
  fix: addMissing,
  fixEvery: {
    id: 'add-all',
    title: (n) => ({ ja: `不足している必須項目をすべて追加（${n} 件）`, en: `Add all missing required items (${n})` }),
    count: (diagnostics) => diagnostics.flatMap(missingIds).length,
    edits: (record, catalog, diagnostics) => insertItems(record, catalog, diagnostics.flatMap(missingIds)),
  },
};

const expected: CodeMeta = {
  severity: 'information',
  verdict: { ja: '期待される項目がありません', en: 'Missing expected' },
  message: {
    ja: (p) => `期待される項目がありません: ${p.id}（${p.title}）。ガイドラインは「${p.word}」と記載`,
    en: (p) => `Missing expected item: ${p.id} (${p.titleEn}), which the guideline expects`,
  },
  docs: {
    title: { ja: '期待される項目がない', en: 'Expected item missing' },
    summary: { ja: 'ガイドラインが期待する項目がない', en: 'an item the guideline expects is missing' },
    description: {
      ja: 'ガイドラインが必須ではなく「期待される」とする項目（例: C-8 教育・リテラシー、D-10 i）が記録にありません。',
      en: 'The record lacks an item the guideline expects (期待される) rather than requires, e.g. C-8 education and literacy, D-10 i.',
    },
    fix: { ja: '取り組みがあれば項目を追加してください。不要なら重要度を off にします。', en: 'Add the item if the organisation works on it, or set the severity to `off`.' },
    example: { yaml: `${HEAD}  D-7 ii:\n    status: planned\n`, fixed: `${FIXED}  C-8:\n    status: planned\n  D-7 ii:\n    status: planned\n` },
  },
  fix: addMissing,
};

export const requiredItemsRule: RuleModule<Code> = {
  name: 'required items',
  codes: { 'missing-required-item': required, 'missing-expected-item': expected },
  check({ record, catalog, report }) {
    const roles = record.roles.map((r) => r.role);
    if (roles.length === 0) return;
    const anchor = record.itemsPair?.key ?? record.rolesPair?.key;
    if (!anchor) return;
    const present = presentIds(record);
    for (const item of catalog.items) {
      if (present.has(item.id)) continue;
      const requirement = catalog.requirement(item, roles, record.advancedAI);
      if (requirement !== 'required' && requirement !== 'expected') continue;
      let missingSubItems: string[] | undefined;
      const children = item.kind === 'common' ? catalog.children(item.id) : [];
      if (children.length > 0) {
        const missing = children.filter((c) => !present.has(c.id)).map((c) => c.id);
        if (missing.length === 0) continue;
        if (missing.length < children.length) missingSubItems = missing;
      }
      const label = roleLabel(item, roles);
      const detail = missingSubItems ? `${missingSubItems.join(', ')} が未記載` : '';
      const detailEn = missingSubItems ? `${missingSubItems.join(', ')} not covered` : '';
      report({
        code: requirement === 'required' ? 'missing-required-item' : 'missing-expected-item',
        start: anchor.start,
        end: anchor.end,
        params: { id: item.id, title: shortTitle(item.title), titleEn: shortTitle(item.titleEn), role: label.ja, roleEn: label.en, word: item.level.word, detail, detailEn },
        data: { itemId: item.id, missingSubItems },
      });
    }
  },
};
