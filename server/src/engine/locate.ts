/** What sits at an offset of a parsed record: the chain of keys leading there, and whether it is a key or a value. */
import type { YNode, YPair, YScalar } from './parse';

export interface Location {
  /** keys from the root, e.g. ["items", "D-7 ii", "status"]; sequence indexes are numbers */
  path: Array<string | number>;
  /** the scalar under the offset, if any */
  scalar: YScalar | null;
  /** true when the scalar is a map key */
  isKey: boolean;
  /** the pair whose key or value holds the offset */
  pair: YPair | null;
}

function inside(node: { start: number; end: number }, offset: number): boolean {
  return offset >= node.start && offset <= node.end;
}

export function locate(root: YNode | null, offset: number): Location | null {
  let node: YNode | null = root;
  const path: Array<string | number> = [];
  let pair: YPair | null = null;
  while (node) {
    if (node.type === 'scalar') return inside(node, offset) ? { path, scalar: node, isKey: false, pair } : null;
    if (node.type === 'map') {
      const hit: YPair | undefined = node.pairs.find((p) => inside(p.key, offset) || (p.value !== null && inside(p.value, offset)));
      if (!hit) return null;
      pair = hit;
      path.push(String(hit.key.value));
      if (inside(hit.key, offset)) return { path, scalar: hit.key, isKey: true, pair };
      node = hit.value;
      continue;
    }
    if (node.type === 'seq') {
      const index = node.items.findIndex((n) => inside(n, offset));
      if (index === -1) return null;
      path.push(index);
      node = node.items[index];
      continue;
    }
    return null;
  }
  return null;
}
