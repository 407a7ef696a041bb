/** missing-justification, missing-owner: what an entry's status asks of its other fields. */
import { setField } from '../edits';
import { pairOf, scalarText } from '../record';
import type { RuleModule } from './context';

type Code = 'missing-justification' | 'missing-owner';

const HEAD = 'apiVersion: ai-governance/v1\nroles: [developer]\nadvancedAI: true\nitems:\n';

export const itemFieldsRule: RuleModule<Code> = {
  name: 'item fields',
  codes: {
    'missing-justification': {
      severity: 'warning',
      verdict: { ja: '対象外の理由がありません', en: 'No justification' },
      message: {
        ja: (p) => `対象外の理由がありません: ${p.id} が not-applicable ですが、justification がありません`,
        en: (p) => `No justification: ${p.id} is not-applicable but gives no reason`,
      },
      docs: {
        title: { ja: '対象外の理由がない', en: 'Not applicable without justification' },
        summary: { ja: 'justification のない not-applicable', en: '`not-applicable` without `justification`' },
        description: { ja: 'status: not-applicable の項目に justification（理由）がありません。', en: 'An item is not-applicable but gives no justification.' },
        fix: { ja: 'クイックフィックス「justification（理由）を追加」で欄を追加し、対象外とする理由を記入してください。', en: '*Add justification* and write why the item does not apply.' },
        example: {
          yaml: `${HEAD}  H-7:\n    status: not-applicable   # ← why?\n`,
          fixed: `${HEAD}  H-7:\n    status: not-applicable\n    justification: 画像・音声を生成しないため\n`,
        },
      },
      fix(_diagnostic, request) {
        const { record, entry, language } = request;
        if (!entry) return;
        request.offer({ id: 'add-justification', title: language === 'ja' ? 'justification（理由）を追加' : 'Add justification', edits: [setField(record, entry, 'justification', '""')], isPreferred: true });
      },
    },
    'missing-owner': {
      severity: 'warning',
      verdict: { ja: '担当（owner）がありません', en: 'No owner' },
      message: { ja: (p) => `担当（owner）がありません: ${p.id} が ${p.status} です`, en: (p) => `No owner: ${p.id} is ${p.status} but names no owner` },
      docs: {
        title: { ja: '担当者がいない', en: 'Implemented without owner' },
        summary: { ja: 'owner のない implemented', en: '`implemented` without `owner`' },
        description: { ja: 'implemented の項目に owner（担当者・担当部署）がありません。', en: 'An implemented item names no owner.' },
        fix: { ja: 'クイックフィックス「owner（担当）を追加」で欄を追加し、担当者か担当部署を記入してください。', en: '*Add owner* and name the responsible person or team.' },
        example: { yaml: `${HEAD}  D-2 i:\n    status: implemented   # ← who?\n`, fixed: `${HEAD}  D-2 i:\n    status: implemented\n    owner: データ基盤チーム\n` },
      },
      fix(_diagnostic, request) {
        const { record, entry, language } = request;
        if (!entry) return;
        request.offer({ id: 'add-owner', title: language === 'ja' ? 'owner（担当）を追加' : 'Add owner', edits: [setField(record, entry, 'owner', '""')], isPreferred: true });
      },
    },
  },
  check({ record, report }) {
    for (const entry of record.items) {
      if (!entry.fields || entry.resolution.status === 'unknown') continue;
      const id = entry.resolution.id;
      const statusPair = pairOf(entry.fields, 'status');
      const status = scalarText(statusPair?.value);
      if (!statusPair || !status) continue;
      const anchor = statusPair.value ?? statusPair.key;
      if (status === 'not-applicable' && !scalarText(pairOf(entry.fields, 'justification')?.value)?.trim()) {
        report({ code: 'missing-justification', start: anchor.start, end: anchor.end, params: { id }, data: { itemId: id, itemKey: entry.rawId } });
      }
      if (status === 'implemented' && !scalarText(pairOf(entry.fields, 'owner')?.value)?.trim()) {
        report({ code: 'missing-owner', start: anchor.start, end: anchor.end, params: { id, status }, data: { itemId: id, itemKey: entry.rawId } });
      }
    }
  },
};
