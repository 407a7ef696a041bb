/** A starter record for a set of roles: every item those roles require, status planned (CLI init, snippets). */
import type { GuidelineCatalog } from './catalog';
import type { Role } from './catalogTypes';
import { entryText } from './edits';
import { LATEST_EDITION } from './editions';
import { API_VERSION } from './vocabulary';

/** Canonical ids a new record with these roles needs, in guideline order (principles by their own key). */
export function requiredIds(catalog: GuidelineCatalog, roles: readonly Role[], advancedAI: boolean): string[] {
  return catalog.items.filter((item) => catalog.requirement(item, roles, advancedAI) === 'required').map((item) => item.id);
}

export function starterRecord(catalog: GuidelineCatalog, roles: readonly Role[], advancedAI: boolean, eol = '\n'): string {
  const head = [
    `apiVersion: ${API_VERSION}`,
    `guideline: "${LATEST_EDITION}"`,
    'organization:',
    '  name: ""',
    '  accountable: ""',
    '  contact: ""',
    `roles: [${roles.join(', ')}]`,
    `advancedAI: ${advancedAI}`,
    'items:',
  ].join(eol);
  const items = requiredIds(catalog, roles, advancedAI)
    .map((id) => entryText(id, catalog.get(id)?.title ?? '', 2, eol))
    .join('');
  return `${head}${eol}${items}`;
}
