/** documentation-without-evidence, evidence-not-found, evidence-outside-workspace. */
import { locateEvidence } from '../evidence';
import { pairOf, scalarText, stringsOf } from '../record';
import type { Rule } from './context';

export const evidenceRule: Rule = ({ record, catalog, input, fs, report }) => {
  for (const entry of record.items) {
    if (!entry.fields) continue;
    // Evidence is checked even under an unknown id: a broken link is broken whatever the key says.
    const id = entry.resolution.status === 'unknown' ? entry.rawId : entry.resolution.id;
    const item = catalog.get(id);
    const evidence = stringsOf(pairOf(entry.fields, 'evidence')?.value);
    for (const { value, node } of evidence) {
      const target = locateEvidence(value, input.path, input.workspaceRoot, fs);
      if (target.kind === 'outside') {
        report({ code: 'evidence-outside-workspace', start: node.start, end: node.end, params: { path: value }, data: { itemId: id, evidence: value } });
      } else if (target.kind === 'missing') {
        report({ code: 'evidence-not-found', start: node.start, end: node.end, params: { path: value }, data: { itemId: id, evidence: value } });
      }
    }
    const statusPair = pairOf(entry.fields, 'status');
    const status = scalarText(statusPair?.value);
    if (item?.documentation && (status === 'implemented' || status === 'partial') && evidence.length === 0) {
      const anchor = statusPair?.value ?? entry.pair.key;
      report({
        code: 'documentation-without-evidence',
        start: anchor.start,
        end: anchor.end,
        params: { id, title: item.title, titleEn: item.titleEn, status },
        data: { itemId: id, itemKey: entry.rawId },
      });
    }
  }
};
