/** item-role-not-declared, advanced-item-without-flag: items that do not apply to what the record declares. */
import type { OffsetEdit } from '../edits';
import type { GovernanceRecord } from '../record';
import { ROLE_INFO } from '../vocabulary';
import type { RuleModule } from './context';

type Code = 'item-role-not-declared' | 'advanced-item-without-flag';

/** An edit that adds `line` after the line holding offset `end - 1`. */
function lineAfter(record: GovernanceRecord, end: number, line: string): OffsetEdit {
  const lines = record.parsed.lines;
  const at = lines.lineEnd(lines.position(Math.max(0, end - 1)).line);
  return { start: at, end: at, newText: `${lines.eol}${line}` };
}

const HEAD = 'apiVersion: ai-governance/v1\n';

export const itemScopeRule: RuleModule<Code> = {
  name: 'item scope',
  codes: {
    'item-role-not-declared': {
      severity: 'warning',
      verdict: { ja: '宣言していない主体の項目です', en: 'Undeclared role' },
      message: {
        ja: (p) => `宣言していない主体の項目です: ${p.id} は${p.role}の項目ですが、roles に ${p.roleKey} がありません`,
        en: (p) => `Undeclared role: ${p.id} is an item for the ${p.roleEn} role, but roles does not include ${p.roleKey}`,
      },
      docs: {
        title: { ja: '宣言していない主体の項目', en: 'Item of an undeclared role' },
        summary: { ja: 'roles にない主体の項目', en: 'an item of a role the record does not declare' },
        description: {
          ja: 'roles に含まれない主体（AI開発者・AI提供者・AI利用者）の項目が記録されています。',
          en: 'The record lists an item of a role (developer, provider, business user) it does not declare.',
        },
        fix: { ja: 'roles にその主体を追加するか、項目をその主体の記録に移してください。', en: "Add the role to roles, or move the item to that role's record." },
        example: {
          yaml: `${HEAD}roles: [developer]\nitems:\n  P-2 i:   # ← an AI提供者 item\n    status: planned\n`,
          fixed: `${HEAD}roles: [developer, provider]\nitems:\n  P-2 i:\n    status: planned\n`,
        },
      },
    },
    'advanced-item-without-flag': {
      severity: 'warning',
      verdict: { ja: 'advancedAI の指定がありません', en: 'advancedAI not set' },
      message: {
        ja: (p) => `advancedAI の指定がありません: ${p.id} は高度なAIシステムの項目です。対象なら advancedAI: true を指定してください`,
        en: (p) => `advancedAI not set: ${p.id} applies to advanced AI systems; set advancedAI: true if the record covers one`,
      },
      docs: {
        title: { ja: 'advancedAI なしの高度なAIシステムの項目', en: 'Advanced-AI item without advancedAI' },
        summary: { ja: 'advancedAI: true のない H 項目', en: 'an H item without `advancedAI: true`' },
        description: { ja: 'H-1 … H-12（高度なAIシステムに関する事項）は advancedAI: true の記録にだけ適用されます。', en: 'H-1 … H-12 (advanced AI systems) apply only when advancedAI is true.' },
        fix: {
          ja: '高度なAIシステムを扱うなら advancedAI: true を設定し（クイックフィックス）、そうでなければ項目を削除してください。',
          en: 'Set advancedAI: true (the quick fix) if the organisation handles advanced AI systems; otherwise remove the item.',
        },
        example: {
          yaml: `${HEAD}roles: [developer]\nadvancedAI: false\nitems:\n  H-1:   # ← applies only to advanced AI systems\n    status: planned\n`,
          fixed: `${HEAD}roles: [developer]\nadvancedAI: true\nitems:\n  H-1:\n    status: planned\n`,
        },
      },
      fix(_diagnostic, request) {
        const { record, language } = request;
        const pair = record.root?.pairs.find((p) => p.key.value === 'advancedAI');
        const edit: OffsetEdit | null =
          pair?.value && pair.value.type === 'scalar'
            ? { start: pair.value.start, end: pair.value.end, newText: 'true' }
            : record.rolesPair
              ? lineAfter(record, record.rolesPair.end, 'advancedAI: true')
              : null;
        request.offer({ id: 'set-advanced-ai', title: language === 'ja' ? 'advancedAI: true を設定' : 'Set advancedAI: true', edits: [edit] });
      },
    },
  },
  check({ record, catalog, report }) {
    const roles = record.roles.map((r) => r.role);
    for (const entry of record.items) {
      if (entry.resolution.status === 'unknown') continue;
      const item = catalog.get(entry.resolution.id);
      if (!item) continue;
      const { key } = entry.pair;
      if ((item.kind === 'developer' || item.kind === 'provider' || item.kind === 'business-user') && roles.length > 0 && !roles.includes(item.kind)) {
        const info = ROLE_INFO[item.kind];
        report({ code: 'item-role-not-declared', start: key.start, end: key.end, params: { id: item.id, role: info.ja, roleEn: info.en, roleKey: item.kind }, data: { itemId: item.id } });
      }
      if (item.kind === 'advanced' && !record.advancedAI) {
        report({ code: 'advanced-item-without-flag', start: key.start, end: key.end, params: { id: item.id }, data: { itemId: item.id } });
      }
    }
  },
};
