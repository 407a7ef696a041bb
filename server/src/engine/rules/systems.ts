/**
 * unknown-system: `items.*.systems` names a system the record defines.
 * missing-safeguard: an agent or physical-AI system lists each FY2025 consideration (DESIGN §5).
 * The message names the consideration; the hover on the finding's key quotes the update's text.
 */
import { boundedEditDistance } from '../ids';
import { missingSafeguards, pairOf, stringsOf } from '../record';
import { KIND_TEXT } from '../vocabulary';
import { yamlScalar } from '../edits';
import type { RuleModule } from './context';

type Code = 'unknown-system' | 'missing-safeguard';

const HEAD = 'apiVersion: ai-governance/v1\nroles: [provider]\n';

export const systemsRule: RuleModule<Code> = {
  name: 'systems',
  codes: {
    'unknown-system': {
      severity: 'error',
      verdict: { ja: '定義されていないシステムです', en: 'Unknown system' },
      message: {
        ja: (p) => `定義されていないシステムです: 「${p.id}」${p.suggestion ? `（「${p.suggestion}」の誤り？）` : ''}`,
        en: (p) => `Unknown system: "${p.id}" is not defined under systems${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}`,
      },
      docs: {
        title: { ja: '定義されていないシステム', en: 'Unknown system' },
        summary: { ja: 'items.*.systems が未定義のシステムを指す', en: '`items.*.systems` names an undefined system' },
        description: { ja: 'items.*.systems のシステムIDが systems に定義されていません。', en: 'A system id in items.*.systems is not defined under systems.' },
        fix: { ja: 'systems にシステムを定義するか、ID の綴りを直してください（クイックフィックスが最も近い ID を示します）。', en: 'Define the system under systems, or fix the id (the quick fix offers the closest defined id).' },
        example: {
          yaml: `${HEAD}systems:\n  - id: kb-assistant\nitems:\n  P-2 i:\n    status: planned\n    systems: [kb-asistant]   # ← did you mean kb-assistant?\n`,
          fixed: `${HEAD}systems:\n  - id: kb-assistant\nitems:\n  P-2 i:\n    status: planned\n    systems: [kb-assistant]\n`,
        },
      },
      fix(diagnostic, request) {
        const { record, language } = request;
        for (const id of diagnostic.data.suggestions ?? []) {
          const start = record.parsed.lines.offset(diagnostic.range.start);
          const end = record.parsed.lines.offset(diagnostic.range.end);
          request.offer({ id: 'change-system', title: language === 'ja' ? `${id} に修正` : `Change to ${id}`, edits: [{ start, end, newText: yamlScalar(id) }], isPreferred: true });
        }
      },
    },
    'missing-safeguard': {
      severity: 'information',
      verdict: { ja: '対策の記載がありません', en: 'Safeguard missing' },
      message: {
        ja: (p) => `対策の記載がありません: ${p.kind}「${p.system}」の safeguards に ${p.safeguard}（${p.title}）。令和7年度更新の留意事項`,
        en: (p) => `Safeguard missing: ${p.kindEn} system "${p.system}" lists no ${p.safeguard} (${p.titleEn}) (FY2025 update)`,
      },
      docs: {
        title: { ja: 'AIエージェント・フィジカルAIの対策の記載がない', en: 'Agent / physical-AI safeguard missing' },
        summary: { ja: 'agent / physical のシステムに令和7年度更新の対策がない', en: 'an agent/physical-AI system lacks a FY2025 safeguard' },
        description: {
          ja: 'kinds に agent / physical を含むシステムの safeguards に、令和7年度更新が挙げる対策（human-oversight、least-privilege、tool-allowlist、data-minimisation、log-review、physical は hardware-data-erasure も）が欠けています。欠けている対策ごとに 1 件です。更新の本文は、システムの safeguards キー（ない場合は kinds の agent / physical）のホバーが出典とともに引用します。',
          en: "A system of kind agent or physical lacks one of the FY2025 update's considerations in safeguards (human-oversight, least-privilege, tool-allowlist, data-minimisation, log-review; physical also hardware-data-erasure): one information per missing consideration. The hover on the system's safeguards key (or, without one, its agent / physical kind) quotes the update's text with its source.",
        },
        fix: { ja: '講じている対策を safeguards に追加してください。講じていない場合は対策を検討してください。', en: 'Put the safeguard in place and list it.' },
        example: {
          yaml: `${HEAD}systems:\n  - id: support-agent\n    kinds: [agent]\n    safeguards: [human-oversight]   # ← least-privilege, tool-allowlist, … missing\n`,
          fixed: `${HEAD}systems:\n  - id: support-agent\n    kinds: [agent]\n    safeguards: [human-oversight, least-privilege, tool-allowlist, data-minimisation, log-review]\n`,
        },
      },
    },
  },
  check({ record, catalog, report }) {

    const defined = record.systems.flatMap((s) => (s.id ? [s.id] : []));
    const definedSet = new Set(defined);
    // One "did you mean" per unknown reference, however many entries repeat it.
    const suggestions = new Map<string, string>();
    for (const entry of record.items) {
      if (!entry.fields) continue;
      for (const { value, node } of stringsOf(pairOf(entry.fields, 'systems')?.value)) {
        if (definedSet.has(value)) continue;
        let suggestion = suggestions.get(value);
        if (suggestion === undefined) suggestions.set(value, (suggestion = defined.find((d) => boundedEditDistance(d, value, 2) <= 2) ?? ''));
        report({ code: 'unknown-system', start: node.start, end: node.end, params: { id: value, suggestion }, data: { suggestions: suggestion ? [suggestion] : [] } });
      }
    }
    for (const system of record.systems) {
      const missing = missingSafeguards(system, catalog);
      if (missing.length === 0) continue;
      // The quote of the update is in the hover on this key (or kind) and in the rule's docs, not in
      // every message: an agent lacking five considerations is five findings on the same node.
      const anchor = system.safeguardsPair?.key ?? system.kinds.find((k) => k.value === 'agent' || k.value === 'physical')?.node ?? missing[0].kind.node;
      for (const { safeguard, kind } of missing) {
        const kindText = KIND_TEXT[kind.value];
        report({
          code: 'missing-safeguard',
          start: anchor.start,
          end: anchor.end,
          params: { kind: kindText.ja, kindEn: kindText.en, system: system.id ?? '', safeguard: safeguard.id, title: safeguard.title, titleEn: safeguard.titleEn },
          data: { safeguard: safeguard.id },
        });
      }
    }
  },
};
