/**
 * The governance record read out of the parsed tree: what rules, hovers and fixes ask about
 * (roles, items with their resolved ids, systems), each with the node it came from.
 */
import type { GuidelineCatalog } from './catalog';
import type { Role, Safeguard } from './catalogTypes';
import { resolveId, type IdResolution } from './ids';
import { isExtensionKey, SAFEGUARDS } from './vocabulary';
import { parseDocument, type ParsedDocument, type YMap, type YNode, type YPair, type YScalar } from './parse';

export interface ItemEntry {
  pair: YPair;
  /** the key as the user wrote it */
  rawId: string;
  resolution: IdResolution;
  /** the item's fields, when its value is a map */
  fields: YMap | null;
}

export interface SystemEntry {
  node: YMap;
  id: string | null;
  idNode: YScalar | null;
  kinds: Array<{ value: string; node: YScalar }>;
  safeguards: Array<{ value: string; node: YScalar }>;
  safeguardsPair: YPair | null;
  kindsPair: YPair | null;
}

export interface GovernanceRecord {
  parsed: ParsedDocument;
  root: YMap | null;
  roles: Array<{ role: Role; node: YScalar }>;
  rolesPair: YPair | null;
  advancedAI: boolean;
  itemsPair: YPair | null;
  items: ItemEntry[];
  systems: SystemEntry[];
}

export function pairOf(map: YMap | null | undefined, key: string): YPair | null {
  if (!map) return null;
  for (const pair of map.pairs) if (pair.key.value === key) return pair;
  return null;
}

export function asMap(node: YNode | null | undefined): YMap | null {
  return node && node.type === 'map' ? node : null;
}

export function stringsOf(node: YNode | null | undefined): Array<{ value: string; node: YScalar }> {
  if (!node) return [];
  const list = node.type === 'seq' ? node.items : [node];
  return list.flatMap((n) => (n.type === 'scalar' && n.value !== null && n.value !== '' ? [{ value: String(n.value), node: n }] : []));
}

export function scalarText(node: YNode | null | undefined): string | null {
  return node && node.type === 'scalar' && node.value !== null ? String(node.value) : null;
}

const ROLE_VALUES: readonly string[] = ['developer', 'provider', 'business-user'];

export function readRecord(text: string, catalog: GuidelineCatalog): GovernanceRecord {
  const parsed = parseDocument(text);
  const root = asMap(parsed.root);
  const rolesPair = pairOf(root, 'roles');
  const roles = stringsOf(rolesPair?.value)
    .filter((r) => ROLE_VALUES.includes(r.value))
    .map((r) => ({ role: r.value as Role, node: r.node }));
  const advancedPair = pairOf(root, 'advancedAI');
  const advancedAI = advancedPair?.value?.type === 'scalar' && advancedPair.value.value === true;
  const itemsPair = pairOf(root, 'items');
  const items: ItemEntry[] = (asMap(itemsPair?.value)?.pairs ?? []).flatMap((pair) => {
    const entry = readItemEntry(pair, catalog);
    return entry ? [entry] : [];
  });
  const systemsNode = pairOf(root, 'systems')?.value;
  const systems: SystemEntry[] = (systemsNode?.type === 'seq' ? systemsNode.items : []).flatMap((n) => {
    const entry = readSystemEntry(n);
    return entry ? [entry] : [];
  });
  return { parsed, root, roles, rolesPair, advancedAI, itemsPair, items, systems };
}

/** One entry of `items:`; null for an extension key (`x-…`), which is not an item. */
export function readItemEntry(pair: YPair, catalog: GuidelineCatalog): ItemEntry | null {
  const rawId = String(pair.key.value ?? '');
  return isExtensionKey(rawId) ? null : { pair, rawId, resolution: resolveId(rawId, catalog), fields: asMap(pair.value) };
}

/** One entry of `systems:`; null when it is not a mapping. */
export function readSystemEntry(n: YNode): SystemEntry | null {
  const map = asMap(n);
  if (!map) return null;
  const idNode = pairOf(map, 'id')?.value;
  const kindsPair = pairOf(map, 'kinds');
  const safeguardsPair = pairOf(map, 'safeguards');
  return {
    node: map,
    id: scalarText(idNode),
    idNode: idNode?.type === 'scalar' ? idNode : null,
    kinds: stringsOf(kindsPair?.value),
    safeguards: stringsOf(safeguardsPair?.value),
    kindsPair,
    safeguardsPair,
  };
}

/**
 * The FY2025 considerations an agent / physical-AI system does not list (missing-safeguard, and
 * the hover on the system's kind or `safeguards` key, which quotes them), with the kind they apply
 * to, in the catalog's order.
 */
export function missingSafeguards(system: SystemEntry, catalog: GuidelineCatalog): Array<{ safeguard: Safeguard; kind: { value: 'agent' | 'physical'; node: YScalar } }> {
  const agentish = system.kinds.filter((k): k is { value: 'agent' | 'physical'; node: YScalar } => k.value === 'agent' || k.value === 'physical');
  if (agentish.length === 0) return [];
  const present = new Set(system.safeguards.map((s) => s.value));
  return SAFEGUARDS.flatMap((id) => {
    const safeguard = present.has(id) ? undefined : catalog.safeguard(id);
    const kind = safeguard && agentish.find((k) => safeguard.appliesTo.includes(k.value));
    return safeguard && kind ? [{ safeguard, kind }] : [];
  });
}

/** The canonical ids present in the record (aliases resolved). */
export function presentIds(record: GovernanceRecord): Set<string> {
  const ids = new Set<string>();
  for (const entry of record.items) {
    if (entry.resolution.status !== 'unknown') ids.add(entry.resolution.id);
  }
  return ids;
}

/** Finds item entries by key or by id without a scan of every entry per question (fixes ask once per diagnostic). */
export interface EntryLookup {
  /** the entry written with this key that holds `offset` (a key written twice has two), else the first written with it */
  byKey(key: string, offset: number): ItemEntry | undefined;
  /** the first entry that resolves to this id */
  byId(id: string): ItemEntry | undefined;
}

/** Entries of one key in text order, with their starts and ends, for a binary search when both are sorted. */
interface KeyGroup {
  entries: ItemEntry[];
  sorted: boolean;
}

export function entryLookup(record: GovernanceRecord): EntryLookup {
  let keys: Map<string, KeyGroup> | undefined;
  let ids: Map<string, ItemEntry> | undefined;
  const groupsOf = (): Map<string, KeyGroup> => {
    if (keys) return keys;
    keys = new Map();
    for (const entry of record.items) {
      const group = keys.get(entry.rawId);
      if (group) group.entries.push(entry);
      else keys.set(entry.rawId, { entries: [entry], sorted: true });
    }
    for (const group of keys.values()) {
      const e = group.entries;
      group.sorted = e.every((entry, i) => i === 0 || (e[i - 1].pair.start <= entry.pair.start && e[i - 1].pair.end <= entry.pair.end));
    }
    return keys;
  };
  return {
    byKey(key, offset) {
      const group = groupsOf().get(key);
      if (!group) return undefined;
      const { entries } = group;
      const holds = (e: ItemEntry) => e.pair.start <= offset && offset <= e.pair.end;
      if (!group.sorted || entries.length <= 8) return entries.find(holds) ?? entries[0];
      // Starts and ends both ascend: the first entry that holds the offset is the first whose end
      // reaches it, if that one starts at or before it.
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (entries[mid].pair.end >= offset) hi = mid;
        else lo = mid + 1;
      }
      return lo < entries.length && entries[lo].pair.start <= offset ? entries[lo] : entries[0];
    },
    byId(id) {
      if (!ids) {
        ids = new Map();
        for (const entry of record.items) if (entry.resolution.status !== 'unknown' && !ids.has(entry.resolution.id)) ids.set(entry.resolution.id, entry);
      }
      return ids.get(id);
    },
  };
}
