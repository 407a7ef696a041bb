/** The guideline catalog (schemas/catalog.json), indexed once; every lookup the engine makes goes through here. */
import catalogJson from '../../../schemas/catalog.json';
import type { Catalog, CatalogItem, Definition, LevelPolicy, Role, Safeguard } from './catalogTypes';

export type Requirement = LevelPolicy | 'not-applicable';

export const ROLES: readonly Role[] = ['developer', 'provider', 'business-user'];

export class GuidelineCatalog {
  readonly items: readonly CatalogItem[];
  private readonly byId = new Map<string, CatalogItem>();
  private readonly order = new Map<string, number>();
  private readonly childrenOf = new Map<string, CatalogItem[]>();

  constructor(readonly data: Catalog) {
    this.items = data.items;
    data.items.forEach((item, index) => {
      this.byId.set(item.id, item);
      this.order.set(item.id, index);
      if (item.parent) {
        const siblings = this.childrenOf.get(item.parent) ?? [];
        siblings.push(item);
        this.childrenOf.set(item.parent, siblings);
      }
    });
  }

  get(id: string): CatalogItem | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Position in guideline order, for inserting items where a reader expects them. */
  orderOf(id: string): number {
    return this.order.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  children(id: string): readonly CatalogItem[] {
    return this.childrenOf.get(id) ?? [];
  }

  definition(id: string): Definition | undefined {
    return this.data.definitions.find((d) => d.id === id);
  }

  safeguard(id: string): Safeguard | undefined {
    return this.data.safeguards.find((s) => s.id === id);
  }

  /**
   * How strongly a record with these roles needs this item (DESIGN §3, the product's default
   * policy). Sub-items of a principle are never needed on their own: the principle is.
   */
  requirement(item: CatalogItem, roles: readonly Role[], advancedAI: boolean): Requirement {
    if (roles.length === 0) return 'not-applicable';
    switch (item.kind) {
      case 'developer':
      case 'provider':
      case 'business-user':
        return roles.includes(item.kind) ? item.level.policy : 'not-applicable';
      case 'common':
        return item.level.policy;
      case 'common-sub':
        return 'not-applicable';
      case 'advanced':
        if (!advancedAI) return 'not-applicable';
        // All of I)–XII) for developers; for providers and users XII) is required and I)–XI)
        // apply "to an appropriate extent".
        return roles.includes('developer') || item.id === 'H-12' ? 'required' : 'expected';
      case 'goal':
        return 'recommended';
    }
  }
}

/**
 * A title short enough for a message, a menu entry, an outline or a YAML comment. Most titles are
 * short; those of 第2部 D (H-1 … H-12) are whole sentences, shown in full only where the item is quoted.
 */
export function shortTitle(title: string): string {
  const english = /^[\x20-\x7e]*$/.test(title);
  const max = english ? 60 : 30;
  if (title.length <= max) return title;
  return english ? `${title.slice(0, max - 3).trimEnd()}...` : `${title.slice(0, max - 1)}…`;
}

let shared: GuidelineCatalog | undefined;

/** The bundled catalog, built once per process. */
export function loadCatalog(): GuidelineCatalog {
  shared ??= new GuidelineCatalog(catalogJson as unknown as Catalog);
  return shared;
}
