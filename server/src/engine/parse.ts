/**
 * The only module that touches the `yaml` library: turns text into a small, position-carrying
 * tree the rules and features read. Aliases are followed by reference (never copied), nesting is
 * capped, and every yaml error becomes a finding instead of an exception.
 */
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNodeType } from 'yaml';
import { LineIndex } from './positions';

export type YNode = YMap | YSeq | YScalar | YBroken;

interface YBase {
  /** [start, end) offsets of the node's own text */
  start: number;
  end: number;
}

export interface YPair {
  key: YScalar;
  value: YNode | null;
  /** offset of the start of the key (including quotes) */
  start: number;
  end: number;
}

export interface YMap extends YBase {
  type: 'map';
  flow: boolean;
  pairs: YPair[];
}

export interface YSeq extends YBase {
  type: 'seq';
  flow: boolean;
  items: YNode[];
}

export interface YScalar extends YBase {
  type: 'scalar';
  /** the value as yaml's core schema reads it (dates stay strings) */
  value: string | number | boolean | null;
  /** 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED' */
  style: string;
  /** the key text as written, for keys */
  source: string;
}

/** Something we do not descend into: a complex key, a too-deep node, an unresolvable alias. */
export interface YBroken extends YBase {
  type: 'broken';
  reason: 'too-deep' | 'complex-key' | 'alias';
}

export interface ParseProblem {
  kind: 'syntax' | 'extra-document' | 'too-deep' | 'binary' | 'unsupported' | 'duplicate-key';
  message: string;
  /** the key, for duplicate-key */
  key?: string;
  start: number;
  end: number;
}

export interface ParsedDocument {
  text: string;
  lines: LineIndex;
  root: YNode | null;
  problems: ParseProblem[];
  /** comment directives: `# ai-governance-disable…` */
  comments: Array<{ line: number; text: string }>;
}

/** Governance records are a handful of levels deep; anything deeper is not a record. */
export const MAX_DEPTH = 64;

export function parseDocument(text: string): ParsedDocument {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const comments = collectComments(text, lines);
  if (text.includes('\u0000')) {
    problems.push({ kind: 'binary', message: 'binary', start: 0, end: Math.min(text.length, lines.lineEnd(0)) });
    return { text, lines, root: null, problems, comments };
  }
  // uniqueKeys: false — duplicate keys are reported by our own rules (duplicate-item), without yaml's quadratic check.
  const parsed = parseAllDocuments(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const doc of documents.slice(0, 1)) {
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      problems.push({
        kind: error.code === 'RESOURCE_EXHAUSTION' ? 'too-deep' : 'syntax',
        message: error.message.split('\n')[0],
        start,
        end: Math.max(end, start + 1),
      });
    }
  }
  if (documents.length > 1) {
    const second = documents[1];
    const at = second.range?.[0] ?? 0;
    problems.push({ kind: 'extra-document', message: 'multiple documents', start: at, end: lines.lineEnd(lines.position(at).line) });
  }
  const first = documents[0];
  const context: ConvertContext = { doc: first, problems, anchors: new Map(), resolving: new Set() };
  const root = first?.contents ? convert(first.contents as YamlNodeType, 0, context) : null;
  return { text, lines, root, problems: dedupe(problems), comments };
}

function dedupe(problems: ParseProblem[]): ParseProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.kind}:${p.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface ConvertContext {
  doc: Parameters<Alias['resolve']>[0] | undefined;
  problems: ParseProblem[];
  /** each anchored node is converted once, so an alias bomb costs no more than its text */
  anchors: Map<unknown, YNode>;
  resolving: Set<unknown>;
}

function convert(node: YamlNodeType, depth: number, context: ConvertContext): YNode {
  const { problems } = context;
  const [start, end] = rangeOf(node);
  if (depth > MAX_DEPTH) {
    if (!problems.some((p) => p.kind === 'too-deep')) problems.push({ kind: 'too-deep', message: 'nesting too deep', start, end: start + 1 });
    return { type: 'broken', reason: 'too-deep', start, end };
  }
  if (isAlias(node)) return convertAlias(node, depth, context, start, end);
  if (isScalar(node)) {
    const value = node.value;
    const plain = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
    return { type: 'scalar', value: plain, style: String(node.type ?? 'PLAIN'), source: String(node.source ?? plain ?? ''), start, end };
  }
  if (isMap(node)) {
    const pairs: YPair[] = [];
    // YAML forbids a key twice in one mapping; which value would count is anyone's guess, so say so.
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNodeType | null;
      if (!keyNode || !isScalar(keyNode)) {
        const [ks, ke] = keyNode ? rangeOf(keyNode) : [start, start];
        problems.push({ kind: 'unsupported', message: 'complex key', start: ks, end: Math.max(ke, ks + 1) });
        continue;
      }
      const key = convert(keyNode, depth + 1, context) as YScalar;
      if (seen.has(key.value)) problems.push({ kind: 'duplicate-key', message: 'duplicate key', key: String(key.value), start: key.start, end: key.end });
      seen.add(key.value);
      const value = pair.value ? convert(pair.value as YamlNodeType, depth + 1, context) : null;
      pairs.push({ key, value, start: key.start, end: value ? value.end : key.end });
    }
    return { type: 'map', flow: Boolean(node.flow), pairs, start, end };
  }
  if (isSeq(node)) {
    const items: YNode[] = [];
    for (const item of node.items) {
      if (item && typeof item === 'object' && 'range' in (item as object)) {
        items.push(convert(item as YamlNodeType, depth + 1, context));
      }
    }
    return { type: 'seq', flow: Boolean(node.flow), items, start, end };
  }
  return { type: 'broken', reason: 'complex-key', start, end };
}

/** Follows an alias to its anchor; a cycle or a missing anchor becomes a broken node. */
function convertAlias(node: Alias, depth: number, context: ConvertContext, start: number, end: number): YNode {
  const target = context.doc ? node.resolve(context.doc) : undefined;
  if (!target || context.resolving.has(target)) return { type: 'broken', reason: 'alias', start, end };
  let converted = context.anchors.get(target);
  if (!converted) {
    context.resolving.add(target);
    converted = convert(target as YamlNodeType, depth + 1, context);
    context.resolving.delete(target);
    context.anchors.set(target, converted);
  }
  // Positions point at the alias, so findings land where the user wrote `*name`.
  return { ...converted, start, end } as YNode;
}

function rangeOf(node: YamlNodeType): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function collectComments(text: string, lines: LineIndex): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const re = /#\s*ai-governance-disable[^\r\n]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ line: lines.position(m.index).line, text: m[0] });
  }
  return out;
}
