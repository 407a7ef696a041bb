/** missing-justification, missing-owner: what an entry's status asks of its other fields. */
import { pairOf, scalarText } from '../record';
import type { Rule } from './context';

export const itemFieldsRule: Rule = ({ record, report }) => {
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
};
