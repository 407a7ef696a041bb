/**
 * A record's tree as plain data (what a JSON Schema validator reads), built once per record: the
 * syntax rule reports an alias expansion that is too large, the schema rule validates the rest.
 */
import type { YNode } from './parse';
import type { GovernanceRecord } from './record';

/** Budget for expanding aliases into plain data: an alias bomb stops here instead of filling memory. */
const MAX_PLAIN_NODES = 200_000;

class TooLarge extends Error {}

function toPlain(node: YNode | null, budget: { left: number }): unknown {
  if (--budget.left < 0) throw new TooLarge();
  if (!node) return null;
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map((n) => toPlain(n, budget));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) out[String(pair.key.value)] = toPlain(pair.value, budget);
      return out;
    }
    case 'broken':
      return null;
  }
}

export type PlainData = { ok: true; value: unknown } | { ok: false; reason: 'too-large' };

const cache = new WeakMap<GovernanceRecord, PlainData>();

/** The record's root as plain data, or why it could not be built; null when there is no root. */
export function plainData(record: GovernanceRecord): PlainData | null {
  const root = record.parsed.root;
  if (!root) return null;
  let result = cache.get(record);
  if (!result) {
    try {
      result = { ok: true, value: toPlain(root, { left: MAX_PLAIN_NODES }) };
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      result = { ok: false, reason: 'too-large' };
    }
    cache.set(record, result);
  }
  return result;
}
