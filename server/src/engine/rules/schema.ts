/**
 * missing-field, unknown-key, wrong-type, invalid-value: the JSON Schema of the file format,
 * validated by Ajv against the parsed tree, each error placed on the key or value at fault.
 * These are the pure schema codes: left to Red Hat YAML when it validates the same schema.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schemaJson from '../../../../schemas/ai-governance.schema.json';
import { boundedEditDistance } from '../ids';
import type { YMap, YNode, YPair, YScalar } from '../parse';
import { plainData } from '../plainData';
import type { RuleContext, RuleModule } from './context';

type Code = 'missing-field' | 'unknown-key' | 'wrong-type' | 'invalid-value';


let validator: ValidateFunction | undefined;

function validate(value: unknown): ErrorObject[] {
  // inlineRefs: false — every item key refers to one entry schema; inlining it per item made the
  // first check of a session take 380 ms and 55 MB, called as a function it takes 50 ms and 13 MB.
  validator ??= new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true, inlineRefs: false }).compile(schemaJson);
  validator(value);
  return validator.errors ?? [];
}

interface Located {
  node: YNode | null;
  key: YScalar | null;
}

/**
 * The first pair of a map with a key (as plain data spells it), from an index built once per map and
 * check: an error per entry of 70,000 items, each found by a scan of all of them, was quadratic.
 */
type PairFinder = (map: YMap, name: string) => YPair | undefined;

function pairFinder(): PairFinder {
  const indexes = new Map<YMap, Map<string, YPair>>();
  return (map, name) => {
    if (map.pairs.length <= 16) return map.pairs.find((p) => String(p.key.value) === name);
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.pairs) {
        const key = String(p.key.value);
        if (!index.has(key)) index.set(key, p);
      }
      indexes.set(map, index);
    }
    return index.get(name);
  };
}

/** Follows a JSON pointer through the tree, remembering the key that led to the last node. */
function locate(root: YNode, pointer: string, find: PairFinder): Located {
  let node: YNode | null = root;
  let key: YScalar | null = null;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) break;
    if (node.type === 'map') {
      const pair: YPair | undefined = find(node, segment);
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (node.type === 'seq') {
      // Not in the tree (plain data took the other value of a repeated key): stay on the sequence,
      // so the finding stays inside its entry rather than falling back to the whole file.
      const item: YNode | undefined = node.items[Number(segment)];
      if (!item) break;
      node = item;
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

function reportError(error: ErrorObject, root: YNode, context: RuleContext<Code>, find: PairFinder): void {
  const { node, key } = locate(root, error.instancePath, find);
  const anchor = key ?? node ?? root;
  // Item ids are checked against the catalog by their own rules; the schema only sees entries.
  if (error.keyword === 'additionalProperties') {
    const name = String((error.params as { additionalProperty: string }).additionalProperty);
    const parent = node && node.type === 'map' ? node : null;
    const pair = parent ? find(parent, name) : undefined;
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
  if (error.keyword === 'pattern') {
    // The only patterns of the format are dates (until:): say the shape, not the regular expression.
    const pattern = String((error.params as { pattern?: string }).pattern ?? '');
    const value = node && node.type === 'scalar' ? String(node.value) : '';
    context.report({ code: 'invalid-value', start: target.start, end: target.end, params: { field, value, allowed: pattern.includes('\\d{4}-') ? 'YYYY-MM-DD' : pattern }, data: {} });
    return;
  }
  if (error.keyword === 'uniqueItems') {
    context.report({ code: 'invalid-value', start: target.start, end: target.end, params: { field, value: '…', allowed: 'unique values / 重複なし' }, data: {} });
  }
}

const HEAD = 'apiVersion: ai-governance/v1\n';

export const schemaRule: RuleModule<Code> = {
  name: 'schema',
  codes: {
    'missing-field': {
      severity: 'error',
      schema: true,
      verdict: { ja: '必須のキーがありません', en: 'Missing required key' },
      message: { ja: (p) => `必須のキーがありません: 「${p.field}」`, en: (p) => `Missing required key: "${p.field}"` },
      docs: {
        title: { ja: '必須のキーがない', en: 'Missing required key' },
        summary: { ja: '必須のキー（apiVersion、項目の status、システムの id）がない', en: "a required key (`apiVersion`, an item's `status`, a system's `id`) is missing" },
        description: {
          ja: 'ファイル形式が必須とするキーがありません: 先頭の apiVersion、各項目の status、各システムの id。',
          en: "A key the file format requires is missing: the record's apiVersion, an item's status, a system's id.",
        },
        fix: { ja: 'メッセージに示されたキーを追加してください（例: apiVersion: ai-governance/v1）。', en: 'Add the key named in the message (e.g. apiVersion: ai-governance/v1).' },
        example: { yaml: 'roles: [developer]   # ← no apiVersion\n', fixed: `${HEAD}roles: [developer]\n` },
      },
    },
    'unknown-key': {
      severity: 'error',
      schema: true,
      verdict: { ja: '不明なキーです', en: 'Unknown key' },
      message: {
        ja: (p) => `不明なキーです: 「${p.key}」${p.suggestion ? `（「${p.suggestion}」の誤り？）` : ''}。拡張用のキーは x- で始めてください`,
        en: (p) => `Unknown key: "${p.key}"${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}; extension keys start with x-`,
      },
      docs: {
        title: { ja: '不明なキー', en: 'Unknown key' },
        summary: { ja: 'ファイル形式にないキー（綴りの誤り）', en: 'a key the format does not have (typo)' },
        description: { ja: 'ファイル形式にないキーです。綴りの誤りが黙って通らないよう、エラーにしています。', en: 'A key the file format does not define; typos must not pass silently.' },
        fix: { ja: '綴りを直すか、独自の拡張なら x- で始まるキーにしてください。', en: 'Fix the spelling, or start the key with x- if it is your own extension.' },
        example: { yaml: `${HEAD}role: [developer]   # ← did you mean roles?\n`, fixed: `${HEAD}roles: [developer]\n` },
      },
    },
    'wrong-type': {
      severity: 'error',
      schema: true,
      verdict: { ja: '型が違います', en: 'Wrong type' },
      message: { ja: (p) => `型が違います: 「${p.field}」には ${p.expected} を指定してください`, en: (p) => `Wrong type: "${p.field}" expects ${p.expected}` },
      docs: {
        title: { ja: '値の型が違う', en: 'Wrong type' },
        summary: { ja: '値の型が違う', en: 'a value of the wrong type' },
        description: { ja: '値の型（文字列、リスト、マッピングなど）がファイル形式と合いません。', en: 'The value has the wrong type (string, list, mapping …) for this key.' },
        fix: { ja: 'メッセージに示された型で書き直してください。', en: 'Rewrite the value with the type named in the message.' },
        example: { yaml: `${HEAD}roles: developer   # ← a list is expected\n`, fixed: `${HEAD}roles: [developer]\n` },
      },
    },
    'invalid-value': {
      severity: 'error',
      schema: true,
      verdict: { ja: '使えない値です', en: 'Invalid value' },
      message: {
        ja: (p) => `使えない値です: 「${p.field}」の「${p.value}」。使える値: ${p.allowed}`,
        en: (p) => `Invalid value: "${p.value}" for "${p.field}". Allowed: ${p.allowed}`,
      },
      docs: {
        title: { ja: '使えない値', en: 'Invalid value' },
        summary: { ja: '決められた一覧にない値（status、roles、kinds など）', en: 'a value outside its list (status, roles, kinds …)' },
        description: { ja: '決められた値の一覧（status、roles、kinds など）にない値です。', en: 'A value outside the fixed list for this key (status, roles, kinds …).' },
        fix: { ja: 'メッセージに示された値のどれかを使ってください。', en: 'Use one of the values listed in the message.' },
        example: {
          yaml: `${HEAD}roles: [developer]\nitems:\n  D-7 ii:\n    status: done   # ← implemented | partial | planned | not-applicable\n`,
          fixed: `${HEAD}roles: [developer]\nitems:\n  D-7 ii:\n    status: planned\n`,
        },
      },
    },
  },
  check(context) {
    const root = context.record.parsed.root;
    if (!root) {
      if (context.record.parsed.problems.length === 0) {
        context.report({ code: 'missing-field', start: 0, end: 0, params: { field: 'apiVersion' }, data: {} });
      }
      return;
    }
    // An alias expansion too large to build is the syntax rule's finding (unsupported-yaml).
    const plain = plainData(context.record);
    if (!plain?.ok) return;
    if (root.type !== 'map') {
      context.report({ code: 'wrong-type', start: root.start, end: root.end, params: { field: '(root)', expected: 'object (mapping)' }, data: {} });
      return;
    }
    const find = pairFinder();
    for (const error of validate(plain.value)) {
      // A date's shape is the review-date rule's job, with a clearer message.
      if (/^\/items\/[^/]+\/reviewed$/.test(error.instancePath) && error.keyword !== 'type') continue;
      reportError(error, root, context, find);
    }
  },
};
