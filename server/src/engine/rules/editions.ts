/**
 * edition-update: a record on "1.0" or "1.1" is told what the FY2025 update (令和7年度更新内容)
 * changes for its roles and systems, with a fix that moves it to "2026" (only that value changes).
 * review-after-update: on "2026", an item whose guidance the update changed was last reviewed
 * before the update (2026-03-12): the review predates the wording it is now held to.
 */
import { changedByUpdate, editionOf, LATEST_EDITION, UPDATE_DATE } from '../editions';
import { setField } from '../edits';
import { pairOf, presentIds } from '../record';
import type { FixRequest, RuleModule } from './context';
import type { EngineDiagnostic } from '../types';
import { dayNumber } from './reviewDates';

type Code = 'edition-update' | 'review-after-update';

/** How many item ids a message names before "…". */
const NAMED = 6;

const HEAD = 'apiVersion: ai-governance/v1\n';

function setReviewedToday(_diagnostic: EngineDiagnostic, request: FixRequest): void {
  const { record, entry, language, today } = request;
  if (!entry) return;
  request.offer({ id: 'set-reviewed-today', title: language === 'ja' ? `reviewed を今日（${today}）に設定` : `Set reviewed to today (${today})`, edits: [setField(record, entry, 'reviewed', today)], isPreferred: true });
}

export const editionsRule: RuleModule<Code> = {
  name: 'editions',
  codes: {
    'edition-update': {
      severity: 'information',
      verdict: { ja: '令和7年度更新があります', en: 'FY2025 update' },
      message: {
        ja: (p) =>
          `令和7年度更新があります: この記録は "${p.edition}" です。令和7年度更新（2026-03-12）で、宣言した主体に関わる ${p.count} 項目（${p.ids}）の文言が変わります${p.systems ? `。${p.systems}` : ''}。guideline: "2026" にすると、ホバー等がその文言を引用します（ai-governance changes --from ${p.edition} --to 2026 で一覧）`,
        en: (p) =>
          `FY2025 update: this record follows "${p.edition}". The FY2025 update (2026-03-12) changes the wording of ${p.count} items for its roles (${p.ids})${p.systemsEn ? `; ${p.systemsEn}` : ''}. With guideline: "2026" hovers quote the new wording (list: ai-governance changes --from ${p.edition} --to 2026)`,
      },
      docs: {
        title: { ja: '古い版の記録', en: 'Record on an older edition' },
        summary: { ja: 'guideline が "1.0" / "1.1"（令和7年度更新の前）', en: '`guideline` is "1.0" or "1.1" (before the FY2025 update)' },
        description: {
          ja: '記録の guideline が令和7年度更新より前の版です。メッセージは、宣言した主体（roles）で対象となる項目のうち更新で文言が変わるもの、AIエージェント・フィジカルAIのシステムに関わる更新を挙げます。',
          en: "The record's guideline is an edition before the FY2025 update. The message names the items of the declared roles whose wording the update changes, and what it adds for agent and physical-AI systems.",
        },
        fix: {
          ja: 'ai-governance changes --from 1.0 --to 2026 --record <ファイル> で変更点を確認し、クイックフィックス「guideline を "2026" に変更」で移行してください（他の箇所は変わりません）。',
          en: 'Read what changes with ai-governance changes --from 1.0 --to 2026 --record <file>, then apply *Move to guideline "2026"* (nothing else is touched).',
        },
        example: {
          yaml: `${HEAD}guideline: "1.0"   # ← before the FY2025 update\nroles: [business-user]\nitems:\n  U-2 i:\n    status: planned\n`,
          fixed: `${HEAD}guideline: "2026"\nroles: [business-user]\nitems:\n  U-2 i:\n    status: planned\n`,
        },
      },
      fix(diagnostic, request) {
        const { record, language } = request;
        const start = record.parsed.lines.offset(diagnostic.range.start);
        const end = record.parsed.lines.offset(diagnostic.range.end);
        request.offer({ id: 'set-guideline-latest', title: language === 'ja' ? `guideline を "${LATEST_EDITION}" に変更` : `Move to guideline "${LATEST_EDITION}"`, edits: [{ start, end, newText: `"${LATEST_EDITION}"` }], isPreferred: true });
      },
    },
    'review-after-update': {
      severity: 'information',
      verdict: { ja: '更新前のレビューです', en: 'Review predates' },
      message: {
        ja: (p) => `更新前のレビューです: ${p.id} は令和7年度更新（${p.update}）で ${p.changes} 箇所変わりましたが、最終レビューは ${p.value} です。更新後の文言で見直してください`,
        en: (p) => `Review predates the FY2025 update (${p.update}), which changed ${p.changes} passages of ${p.id}, last reviewed ${p.value}; review it against the new wording`,
      },
      docs: {
        title: { ja: '令和7年度更新の前のレビュー', en: 'Reviewed before the FY2025 update' },
        summary: { ja: '更新で変わった項目の reviewed が 2026-03-12 より前', en: 'an item the update changed was reviewed before 2026-03-12' },
        description: {
          ja: 'guideline: "2026" の記録で、令和7年度更新が文言・具体的な手法・脚注を変えた項目の最終レビュー日が更新日（2026-03-12）より前です。レビューは新しい文言を踏まえていません。',
          en: 'On a guideline: "2026" record, an item whose wording, methods or notes the FY2025 update changed was last reviewed before the update (2026-03-12): the review did not see the new wording.',
        },
        fix: {
          ja: 'ホバーまたは ai-governance explain <ID> で更新後の文言を確認して項目を見直し、「reviewed を今日に設定」で更新してください。',
          en: 'Read the new wording (hover, or ai-governance explain <id>), review the item, then *Set reviewed to today*.',
        },
        example: {
          yaml: `${HEAD}guideline: "2026"\nroles: [business-user]\nitems:\n  U-2 i:\n    status: planned\n    reviewed: 2025-10-01   # ← before the FY2025 update\n`,
          fixed: `${HEAD}guideline: "2026"\nroles: [business-user]\nitems:\n  U-2 i:\n    status: planned\n    reviewed: 2026-11-01\n`,
        },
      },
      fix: setReviewedToday,
    },
  },
  check({ record, catalog, report }) {
    const guideline = pairOf(record.root, 'guideline')?.value;
    if (!guideline || guideline.type !== 'scalar') return;
    const edition = editionOf(guideline.value);
    if (!edition) return;
    if (edition !== LATEST_EDITION) {
      const roles = record.roles.map((r) => r.role);
      const present = presentIds(record);
      // The items this record is held to (its roles') or lists, whose guidance the update changed.
      const changed = catalog.items.filter((item) => changedByUpdate(item) && (present.has(item.id) || catalog.requirement(item, roles, record.advancedAI) !== 'not-applicable'));
      const ids = changed.map((i) => i.id);
      const kinds = new Set(record.systems.flatMap((s) => s.kinds.map((k) => k.value)));
      const agentLike = ['agent', 'physical'].filter((k) => kinds.has(k));
      const systems = agentLike.length ? `AIエージェント・フィジカルAIの定義と留意事項（safeguards）が加わります（${agentLike.join('・')} のシステム）` : '';
      const systemsEn = agentLike.length ? `it adds definitions and considerations (safeguards) for AI agents and physical AI (${agentLike.join(', ')} systems)` : '';
      report({
        code: 'edition-update',
        start: guideline.start,
        end: guideline.end,
        params: { edition, count: ids.length, ids: ids.slice(0, NAMED).join(', ') + (ids.length > NAMED ? ', …' : ''), systems, systemsEn },
        data: { changedItems: ids },
      });
      return;
    }
    const updateDay = dayNumber(UPDATE_DATE);
    for (const entry of record.items) {
      if (!entry.fields || entry.resolution.status === 'unknown') continue;
      const item = catalog.get(entry.resolution.id);
      if (!item || !changedByUpdate(item)) continue;
      const node = pairOf(entry.fields, 'reviewed')?.value;
      if (!node || node.type !== 'scalar' || node.value === null) continue;
      const value = String(node.value);
      const day = dayNumber(value);
      if (day === null || updateDay === null || day >= updateDay) continue;
      report({ code: 'review-after-update', start: node.start, end: node.end, params: { id: item.id, update: UPDATE_DATE, changes: item.updates.length, value }, data: { itemId: item.id, itemKey: entry.rawId } });
    }
  },
};
