/**
 * missing-field, unknown-key, wrong-type, invalid-value: the JSON Schema of the file format,
 * validated by Ajv against the parsed tree, each error placed on the key or value at fault.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schemaJson from '../../../../schemas/ai-governance.schema.json';
import { boundedEditDistance } from '../ids';
import type { YNode, YPair, YScalar } from '../parse';
import type { Rule, RuleContext } from './context';

let validator: ValidateFunction | undefined;

function validate(value: unknown): ErrorObject[] {
  // inlineRefs: false — every item key refers to one entry schema; inlining it per item made the
  // first check of a session take 380 ms and 55 MB, called as a function it takes 50 ms and 13 MB.
  validator ??= new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true, inlineRefs: false }).compile(schemaJson);
  validator(value);
  return validator.errors ?? [];
}

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

interface Located {
  node: YNode | null;
  key: YScalar | null;
}

/** Follows a JSON pointer through the tree, remembering the key that led to the last node. */
function locate(root: YNode, pointer: string): Located {
  let node: YNode | null = root;
  let key: YScalar | null = null;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) break;
    if (node.type === 'map') {
      const pair: YPair | undefined = node.pairs.find((p) => String(p.key.value) === segment);
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (node.type === 'seq') {
      node = node.items[Number(segment)] ?? null;
      key = null;
    } else break;
  }
  return { node, key };
}

function lastSegment(pointer: string): string {
  const parts = pointer.split('/');
  return (parts[parts.length - 1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~') || '(root)';
}

function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const option of options) {
    const score = boundedEditDistance(word.toLowerCase(), option.toLowerCase(), bestScore);
    if (score < bestScore) {
      best = option;
      bestScore = score;
    }
  }
  return best;
}

function reportError(error: ErrorObject, root: YNode, context: RuleContext): void {
  const { node, key } = locate(root, error.instancePath);
  const anchor = key ?? node ?? root;
  // Item ids are checked against the catalog by their own rules; the schema only sees entries.
  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty: string }).additionalProperty);
    const parent = node && node.type === 'map' ? node : null;
    const pair = parent?.pairs.find((p) => String(p.key.value) === name);
    const allowed = Object.keys(((error.parentSchema as { properties?: object })?.properties ?? {}) as object);
    const target = pair?.key ?? anchor;
    context.report({ code: 'unknown-key', start: target.start, end: target.end, params: { key: name, suggestion: closest(name, allowed) ?? '' }, data: {} });
    return;
  }
  if (error.keyword === 'required') {
    const field = String((error.params as { missingProperty: string }).missingProperty);
    const start = anchor === root ? 0 : anchor.start;
    const end = anchor === root ? Math.min(context.record.parsed.lines.lineEnd(0), context.record.parsed.text.length) : anchor.end;
    context.report({ code: 'missing-field', start, end: Math.max(end, start), params: { field }, data: {} });
    return;
  }
  const target = node ?? anchor;
  const field = lastSegment(error.instancePath);
  if (error.keyword === 'type') {
    const expected = String((error.params as { type: string | string[] }).type);
    context.report({ code: 'wrong-type', start: target.start, end: target.end, params: { field, expected }, data: {} });
    return;
  }
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const allowed = ((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).filter((v) => typeof v === 'string').join(', ');
    const value = node && node.type === 'scalar' ? String(node.value) : '';
    context.report({ code: 'invalid-value', start: target.start, end: target.end, params: { field, value, allowed }, data: {} });
    return;
  }
  if (error.keyword === 'uniqueItems') {
    context.report({ code: 'invalid-value', start: target.start, end: target.end, params: { field, value: '…', allowed: 'unique values / 重複なし' }, data: {} });
  }
}

export const schemaRule: Rule = (context) => {
  const root = context.record.parsed.root;
  if (!root) {
    if (context.record.parsed.problems.length === 0) {
      context.report({ code: 'missing-field', start: 0, end: 0, params: { field: 'apiVersion' }, data: {} });
    }
    return;
  }
  let plain: unknown;
  try {
    plain = toPlain(root, { left: MAX_PLAIN_NODES });
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    context.report({ code: 'unsupported-yaml', start: root.start, end: root.start + 1, params: { detail: 'エイリアスの展開が大きすぎます', detailEn: 'alias expansion too large' }, data: {} });
    return;
  }
  if (root.type !== 'map') {
    context.report({ code: 'wrong-type', start: root.start, end: root.end, params: { field: '(root)', expected: 'object (mapping)' }, data: {} });
    return;
  }
  for (const error of validate(plain)) {
    // A date's shape is the review-date rule's job, with a clearer message.
    if (/^\/items\/[^/]+\/reviewed$/.test(error.instancePath) && error.keyword !== 'type') continue;
    reportError(error, root, context);
  }
};
