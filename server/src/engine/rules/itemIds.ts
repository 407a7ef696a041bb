/** unknown-item, duplicate-item, non-canonical-id: every key under `items` is a guideline item, once. */
import type { Rule } from './context';

export const itemIdsRule: Rule = ({ record, report }) => {
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
};
