/**
 * JSON written in pieces: the text of `JSON.stringify(value, null, 2)`, where the arrays marked as
 * a JsonSequence are produced one element at a time. A run over thousands of records writes its
 * report without ever holding the whole text (or every element's object) in memory.
 */

/** An array whose elements are made while the JSON is written (call `items` once). */
export class JsonSequence<T> {
  constructor(readonly items: () => Iterable<T>) {}
}

function holdsSequence(value: unknown): boolean {
  if (value instanceof JsonSequence) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(holdsSequence);
}

const reindent = (text: string, indent: string) => (indent ? text.replace(/\n/g, `\n${indent}`) : text);

export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
  const inner = `${indent}  `;
  if (value instanceof JsonSequence) {
    let first = true;
    for (const item of value.items()) {
      yield `${first ? '[' : ','}\n${inner}${reindent(JSON.stringify(item, null, 2) ?? 'null', inner)}`;
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (!holdsSequence(value)) {
    yield reindent(JSON.stringify(value, null, 2), indent);
    return;
  }
  // An object or array that holds a sequence somewhere below: written member by member.
  const array = Array.isArray(value);
  const members = Object.entries(value as object).filter(([, v]) => array || (v !== undefined && typeof v !== 'function'));
  yield array ? '[' : '{';
  for (const [index, [key, member]] of members.entries()) {
    yield `${index ? ',' : ''}\n${inner}${array ? '' : `${JSON.stringify(key)}: `}`;
    yield* jsonChunks(member, inner);
  }
  yield members.length ? `\n${indent}${array ? ']' : '}'}` : array ? '[]' : '{}';
}
