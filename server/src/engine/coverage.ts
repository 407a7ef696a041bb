/** Coverage at a glance: how many of the items the declared roles require the record covers. */
import type { GuidelineCatalog } from './catalog';
import { presentIds, type GovernanceRecord } from './record';

export interface Coverage {
  required: number;
  covered: number;
  /** required ids not covered, in guideline order */
  missing: string[];
  /** covered items by status (implemented / partial / planned / not-applicable) */
  byStatus: Record<string, number>;
}

export function coverage(record: GovernanceRecord, catalog: GuidelineCatalog): Coverage {
  const roles = record.roles.map((r) => r.role);
  const present = presentIds(record);
  const missing: string[] = [];
  let required = 0;
  for (const item of catalog.items) {
    if (catalog.requirement(item, roles, record.advancedAI) !== 'required') continue;
    required++;
    const children = item.kind === 'common' ? catalog.children(item.id) : [];
    const covered = present.has(item.id) || (children.length > 0 && children.every((c) => present.has(c.id)));
    if (!covered) missing.push(item.id);
  }
  const byStatus: Record<string, number> = {};
  for (const entry of record.items) {
    const status = entry.fields?.pairs.find((p) => p.key.value === 'status')?.value;
    if (status?.type === 'scalar' && typeof status.value === 'string') byStatus[status.value] = (byStatus[status.value] ?? 0) + 1;
  }
  return { required, covered: required - missing.length, missing, byStatus };
}
