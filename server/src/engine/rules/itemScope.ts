/** item-role-not-declared, advanced-item-without-flag: items that do not apply to what the record declares. */
import { ROLE_INFO } from '../vocabulary';
import type { Rule } from './context';

export const itemScopeRule: Rule = ({ record, catalog, report }) => {
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
};
