/** unknown-item, duplicate-item, non-canonical-id: every key under `items` is a guideline item, once. */
import { shortTitle } from '../catalog';
import { renameKey, type OffsetEdit } from '../edits';
import { entryLookup, presentIds, type GovernanceRecord } from '../record';
import { isPlaceholderEntry, mergeEdits, placeholderComments } from '../typos';
import type { EngineDiagnostic } from '../types';
import type { RuleModule } from './context';

type Code = 'unknown-item' | 'duplicate-item' | 'non-canonical-id';

function canonicalEdits(record: GovernanceRecord, diagnostics: readonly EngineDiagnostic[]): OffsetEdit[] {
  // LSP forbids overlapping edits in one change: one edit per key, and a key written twice is found
  // by where its finding sits, so each copy gets its own edit.
  const keys = new Set<number>();
  const lookup = entryLookup(record);
  return diagnostics.flatMap((d) => {
    const entry = d.data.itemKey === undefined ? undefined : lookup.byKey(d.data.itemKey, record.parsed.lines.offset(d.range.start));
    if (!entry || !d.data.canonical || keys.has(entry.pair.key.start)) return [];
    keys.add(entry.pair.key.start);
    return [renameKey(entry, d.data.canonical)];
  });
}

const HEAD = 'apiVersion: ai-governance/v1\nroles: [developer]\nitems:\n';

export const itemIdsRule: RuleModule<Code> = {
  name: 'item ids',
  codes: {
    'unknown-item': {
      severity: 'error',
      verdict: { ja: 'ガイドラインにない項目です', en: 'Unknown item' },
      message: {
        ja: (p) => `ガイドラインにない項目です: 「${p.id}」${p.suggestions ? `。候補: ${p.suggestions}` : ''}`,
        en: (p) => `Unknown item: the guideline has no "${p.id}"${p.suggestions ? `. Did you mean ${p.suggestions}?` : ''}`,
      },
      docs: {
        title: { ja: 'ガイドラインにない項目ID', en: 'Unknown item id' },
        summary: { ja: 'ガイドラインにない項目ID', en: 'an item id the guideline does not have' },
        description: { ja: 'items のキーが AI事業者ガイドラインの項目IDとして解釈できません。', en: 'An items key that is not an item of the AI Guidelines for Business.' },
        fix: {
          ja: '候補の ID に直してください（クイックフィックスが同じグループの ID から順に候補を示します。ai-governance explain <id> で項目を確認できます）。',
          en: 'Change it to one of the suggested ids (the quick fix ranks ids of the same group first, then by spelling; ai-governance explain <id> shows an item).',
        },
        example: { yaml: `${HEAD}  D-7 iii:   # ← did you mean D-7 i, D-7 ii?\n    status: planned\n`, fixed: `${HEAD}  D-7 ii:\n    status: planned\n` },
      },
      fix(diagnostic, request) {
        const { entry, catalog, language, record } = request;
        if (!entry) return;
        const suggestions = diagnostic.data.suggestions ?? [];
        const present = request.once('present-ids', () => presentIds(record));
        const lookup = request.once('entry-lookup', () => entryLookup(record));
        const roles = record.roles.map((r) => r.role);
        let preferredGiven = false;
        suggestions.forEach((id, index) => {
          const item = catalog.get(id);
          const title = shortTitle(item?.title ?? '');
          const existing = present.has(id) ? lookup.byId(id) : undefined;
          if (existing) {
            // The empty entry "add item" wrote is in the way of the rename: merge into it instead of nothing.
            if (!item || !isPlaceholderEntry(record, existing, item.title)) return;
            const edits = mergeEdits(record, existing, entry, id);
            if (!edits) return;
            request.offer({
              id: 'merge-misspelt',
              title: language === 'ja' ? `「${entry.rawId}」を空の ${id}（${title}）に統合（内容はそのまま）` : `Merge "${entry.rawId}" into the empty ${id} (${title}), keeping its entry`,
              edits,
              mayLose: placeholderComments(record, existing),
              isPreferred: !preferredGiven,
            });
            preferredGiven = true;
            return;
          }
          // A suggestion the record needs and lacks is almost surely what was meant.
          const needed = item !== undefined && roles.length > 0 && ['required', 'expected'].includes(catalog.requirement(item, roles, record.advancedAI));
          const preferred = !preferredGiven && (needed || (index === 0 && suggestions.length === 1));
          preferredGiven ||= preferred;
          request.offer({
            id: 'did-you-mean',
            title: language === 'ja' ? `${id}（${title}）に修正` : `Change to ${id} (${title})`,
            edits: [renameKey(entry, id)],
            isPreferred: preferred,
          });
        });
      },
    },
    'duplicate-item': {
      severity: 'error',
      verdict: { ja: '項目が重複しています', en: 'Duplicate item' },
      message: {
        ja: (p) => `項目が重複しています: ${p.id}（「${p.other}」と同じ項目）`,
        en: (p) => `Duplicate item: ${p.id} (same item as "${p.other}")`,
      },
      docs: {
        title: { ja: '重複した項目', en: 'Duplicate item' },
        summary: { ja: '正規化すると同じ項目が 2 つ', en: 'the same item twice (after normalisation)' },
        description: { ja: '正規化すると同じ項目になるキーが 2 つあります（例: D-7 ii と D-7) ii.）。', en: 'Two keys name the same item once normalised (e.g. D-7 ii and D-7) ii.).' },
        fix: { ja: '2 つのエントリを 1 つにまとめてください。', en: 'Merge the two entries into one.' },
        example: { yaml: `${HEAD}  D-7 ii: {status: planned}\n  D-7) ii.: {status: implemented, owner: 開発部}   # ← the same item\n`, fixed: `${HEAD}  D-7 ii: {status: implemented, owner: 開発部}\n` },
      },
    },
    'non-canonical-id': {
      severity: 'information',
      verdict: { ja: '正規形でない項目IDです', en: 'Non-canonical id' },
      message: { ja: (p) => `正規形でない項目IDです: 「${p.raw}」は ${p.id} と書けます`, en: (p) => `Non-canonical id: "${p.raw}" is written ${p.id}` },
      docs: {
        title: { ja: '正規形でない項目ID', en: 'Non-canonical item id' },
        summary: { ja: '`D-7) ii.` などの別表記', en: 'an alias such as `D-7) ii.`' },
        description: {
          ja: 'ガイドラインの表記（D-7) ii. など）で書かれた項目IDです。正しく認識されていますが、正規形に揃えると検索や差分が読みやすくなります。',
          en: 'An item id written as the guideline prints it (D-7) ii. …). It is understood; the canonical form keeps searches and diffs consistent.',
        },
        fix: {
          ja: '正規形に書き換えてください。「このファイルの項目IDをすべて正規形に書き換え」、ai-governance check --fix、保存時の自動修正（"editor.codeActionsOnSave": {"source.fixAll.ai-governance": "explicit"}）で一括変換できます。',
          en: 'Rewrite it in canonical form; *Fix all item ids in this file*, ai-governance check --fix, or fix-on-save (`"editor.codeActionsOnSave": {"source.fixAll.ai-governance": "explicit"}`) does it for the whole file.',
        },
        example: { yaml: `${HEAD}  D-7) ii.:   # ← written D-7 ii in canonical form\n    status: planned\n`, fixed: `${HEAD}  D-7 ii:\n    status: planned\n` },
      },
      fix(diagnostic, request) {
        const { entry, language } = request;
        const canonical = diagnostic.data.canonical;
        if (!entry || !canonical) return;
        request.offer({ id: 'canonical-id', title: language === 'ja' ? `${canonical} に書き換え` : `Change to ${canonical}`, edits: [renameKey(entry, canonical)], isPreferred: true });
      },
      fixEvery: {
        id: 'canonical-id-all',
        title: () => ({ ja: 'このファイルの項目IDをすべて正規形に書き換え', en: 'Fix all item ids in this file' }),
        count: (diagnostics) => diagnostics.length,
        edits: (record, _catalog, diagnostics) => canonicalEdits(record, diagnostics),
        onSave: true,
      },
    },
  },
  check({ record, report }) {
    const firstSeen = new Map<string, string>();
    for (const entry of record.items) {
      const { key } = entry.pair;
      const resolution = entry.resolution;
      if (resolution.status === 'unknown') {
        report({
          code: 'unknown-item',
          start: key.start,
          end: key.end,
          params: { id: entry.rawId, suggestions: resolution.suggestions.join(', ') },
          data: { suggestions: resolution.suggestions, itemKey: entry.rawId },
        });
        continue;
      }
      const other = firstSeen.get(resolution.id);
      // The same key written twice is a YAML error of its own (yaml-syntax); this is for two spellings of one item.
      if (other !== undefined && other !== entry.rawId) {
        report({ code: 'duplicate-item', start: key.start, end: key.end, params: { id: resolution.id, other }, data: { itemId: resolution.id, itemKey: entry.rawId } });
      } else {
        firstSeen.set(resolution.id, entry.rawId);
      }
      if (resolution.status === 'alias') {
        report({
          code: 'non-canonical-id',
          start: key.start,
          end: key.end,
          params: { raw: entry.rawId, id: resolution.id },
          data: { itemId: resolution.id, canonical: resolution.id, itemKey: entry.rawId },
        });
      }
    }
  },
};
