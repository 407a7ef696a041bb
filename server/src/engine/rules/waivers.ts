/**
 * waiver-expired: a `not-applicable` exemption granted until a date (`until:`, with `approvedBy:`
 * naming who granted it) is past that date — the item is due again. The fix sets the status back
 * to `planned`; the justification and approval stay as the record of what was granted.
 * A not-applicable without `until` (and without `approvedBy`) stays allowed.
 */
import { setField } from '../edits';
import { pairOf, scalarText } from '../record';
import type { RuleModule } from './context';
import { dayNumber } from './reviewDates';

type Code = 'waiver-expired';

const HEAD = 'apiVersion: ai-governance/v1\nguideline: "2026"\nroles: [developer]\nadvancedAI: true\nitems:\n  H-7:\n';

export const waiversRule: RuleModule<Code> = {
  name: 'waivers',
  codes: {
    'waiver-expired': {
      severity: 'warning',
      verdict: { ja: '対象外の期限切れです', en: 'Exemption expired' },
      message: {
        ja: (p) => `対象外の期限切れです: ${p.id} の not-applicable は ${p.until} まで${p.approvedBy ? `（承認: ${p.approvedBy}）` : ''}でした。見直して status を更新してください`,
        en: (p) => `Exemption expired: ${p.id} was not-applicable until ${p.until}${p.approvedBy ? ` (approved by ${p.approvedBy})` : ''}; review it and update its status`,
      },
      docs: {
        title: { ja: '対象外の期限切れ', en: 'Expired exemption' },
        summary: { ja: 'not-applicable の until が過ぎている', en: '`not-applicable` past its `until`' },
        description: {
          ja: 'status: not-applicable の項目の until（対象外とする期限、YYYY-MM-DD）が過ぎています。approvedBy は誰が対象外を認めたかを記録します。until のない not-applicable は期限なしの対象外として扱います。',
          en: 'A not-applicable item is past its until (the date the exemption ends, YYYY-MM-DD). approvedBy records who granted it. A not-applicable without until has no end date.',
        },
        fix: {
          ja: '項目を見直し、クイックフィックス「status を planned に戻す」で対応予定にするか、改めて承認を得て until を延長してください。',
          en: 'Review the item: *Set status back to planned*, or have the exemption renewed and move until.',
        },
        example: {
          yaml: `${HEAD}    status: not-applicable\n    justification: 画像・音声を生成しないため\n    approvedBy: AIガバナンス委員会\n    until: 2026-03-31   # ← past\n`,
          fixed: `${HEAD}    status: planned\n    justification: 画像・音声を生成しないため\n    approvedBy: AIガバナンス委員会\n    until: 2026-03-31\n`,
        },
      },
      fix(_diagnostic, request) {
        const { record, entry, language } = request;
        if (!entry) return;
        request.offer({ id: 'set-status-planned', title: language === 'ja' ? 'status を planned に戻す' : 'Set status back to planned', edits: [setField(record, entry, 'status', 'planned')], isPreferred: true });
      },
    },
  },
  check({ record, today, report }) {
    const todayNumber = dayNumber(today);
    if (todayNumber === null) return;
    for (const entry of record.items) {
      if (!entry.fields) continue;
      if (scalarText(pairOf(entry.fields, 'status')?.value) !== 'not-applicable') continue;
      const node = pairOf(entry.fields, 'until')?.value;
      if (!node || node.type !== 'scalar' || node.value === null) continue;
      const until = String(node.value);
      const day = dayNumber(until);
      // A malformed date is the schema's finding (invalid-value); here only a real date that has passed.
      if (day === null || day >= todayNumber) continue;
      const id = entry.resolution.status === 'unknown' ? entry.rawId : entry.resolution.id;
      const approvedBy = scalarText(pairOf(entry.fields, 'approvedBy')?.value)?.trim() ?? '';
      report({ code: 'waiver-expired', start: node.start, end: node.end, params: { id, until, approvedBy }, data: { itemId: id, itemKey: entry.rawId } });
    }
  },
};
