/**
 * missing-required-item, missing-expected-item: what the declared roles need (DESIGN §3), one
 * finding per item on the `items` key (or on `roles` when there is no `items`). A principle is
 * covered by its own key (C-7) or by all of its sub-items (C-7-1 … C-7-6).
 */
import { shortTitle } from '../catalog';
import type { CatalogItem, Role } from '../catalogTypes';
import { presentIds } from '../record';
import { ROLE_INFO } from '../vocabulary';
import type { Rule } from './context';

function roleLabel(item: CatalogItem, roles: readonly Role[]): { ja: string; en: string } {
  const own = item.roles.length === 1 ? item.roles[0] : null;
  if (own) return { ja: ROLE_INFO[own].ja, en: `the ${ROLE_INFO[own].en} role` };
  if (item.kind === 'advanced') return { ja: '高度なAIシステムを扱う事業者', en: 'organisations handling advanced AI systems' };
  const declared = roles.map((r) => ROLE_INFO[r].ja).join('・');
  return { ja: declared || '全ての主体', en: 'every role' };
}

export const requiredItemsRule: Rule = ({ record, catalog, report }) => {
  const roles = record.roles.map((r) => r.role);
  if (roles.length === 0) return;
  const anchor = record.itemsPair?.key ?? record.rolesPair?.key;
  if (!anchor) return;
  const present = presentIds(record);
  for (const item of catalog.items) {
    if (present.has(item.id)) continue;
    const requirement = catalog.requirement(item, roles, record.advancedAI);
    if (requirement !== 'required' && requirement !== 'expected') continue;
    let missingSubItems: string[] | undefined;
    const children = item.kind === 'common' ? catalog.children(item.id) : [];
    if (children.length > 0) {
      const missing = children.filter((c) => !present.has(c.id)).map((c) => c.id);
      if (missing.length === 0) continue;
      if (missing.length < children.length) missingSubItems = missing;
    }
    const label = roleLabel(item, roles);
    const detail = missingSubItems ? `${missingSubItems.join(', ')} が未記載` : '';
    const detailEn = missingSubItems ? `${missingSubItems.join(', ')} not covered` : '';
    report({
      code: requirement === 'required' ? 'missing-required-item' : 'missing-expected-item',
      start: anchor.start,
      end: anchor.end,
      params: { id: item.id, title: shortTitle(item.title), titleEn: shortTitle(item.titleEn), role: label.ja, roleEn: label.en, word: item.level.word, detail, detailEn },
      data: { itemId: item.id, missingSubItems },
    });
  }
};
