/**
 * unknown-system: `items.*.systems` names a system the record defines.
 * missing-safeguard: an agent or physical-AI system lists each FY2025 consideration (DESIGN §5),
 * the message quoting the update's own text.
 */
import { boundedEditDistance } from '../ids';
import { pairOf, stringsOf } from '../record';
import { KIND_TEXT, SAFEGUARDS } from '../vocabulary';
import type { Rule } from './context';

const QUOTE_LIMIT = 120;

export const systemsRule: Rule = ({ record, catalog, report }) => {
  const defined = record.systems.flatMap((s) => (s.id ? [s.id] : []));
  for (const entry of record.items) {
    if (!entry.fields) continue;
    for (const { value, node } of stringsOf(pairOf(entry.fields, 'systems')?.value)) {
      if (defined.includes(value)) continue;
      const suggestion = defined.find((d) => boundedEditDistance(d, value, 2) <= 2) ?? '';
      report({ code: 'unknown-system', start: node.start, end: node.end, params: { id: value, suggestion }, data: { suggestions: suggestion ? [suggestion] : [] } });
    }
  }
  for (const system of record.systems) {
    const agentish = system.kinds.filter((k) => k.value === 'agent' || k.value === 'physical');
    if (agentish.length === 0) continue;
    const present = new Set(system.safeguards.map((s) => s.value));
    const anchor = system.safeguardsPair?.key ?? agentish[0].node;
    for (const id of SAFEGUARDS) {
      if (present.has(id)) continue;
      const safeguard = catalog.safeguard(id);
      if (!safeguard) continue;
      const kind = agentish.find((k) => safeguard.appliesTo.includes(k.value as 'agent' | 'physical'));
      if (!kind) continue;
      const text = safeguard.text.join('');
      const quote = text.length > QUOTE_LIMIT ? `「${text.slice(0, QUOTE_LIMIT)}…」` : `「${text}」`;
      const kindText = KIND_TEXT[kind.value as 'agent' | 'physical'];
      report({
        code: 'missing-safeguard',
        start: anchor.start,
        end: anchor.end,
        params: { kind: kindText.ja, kindEn: kindText.en, system: system.id ?? '', safeguard: id, title: safeguard.title, titleEn: safeguard.titleEn, quote },
        data: { safeguard: id },
      });
    }
  }
};
