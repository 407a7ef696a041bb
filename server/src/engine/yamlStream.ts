/**
 * The `yaml` library's parse, fed through a nesting guard. The library's CST parser recurses once
 * per nesting level (a few thousand `- - - …` overflow the stack, uncaught) and slows down
 * quadratically on deep flow nesting (500,000 `[` took seconds); its composer catches a stack
 * overflow, so where it gives up depended on how much stack the caller had left. The guard reads
 * the lexer's tokens as they stream into the parser and stops the parse, at a point that depends
 * on the text only, as soon as the nesting may pass NESTING_LIMIT.
 */
import { Composer, CST, Lexer, Parser, type Document } from 'yaml';

/**
 * The guard's bound on its estimate, which over-counts by at most 2×: anything it stops is more than
 * MAX_DEPTH (parse.ts) deep, so it only answers sooner what the tree conversion would answer anyway;
 * the parser handles this depth with ample stack to spare.
 */
export const NESTING_LIMIT = 512;

export interface YamlStream {
  documents: Document.Parsed[];
  /** offset where the nesting passed the limit: nothing was parsed */
  tooDeepAt: number | null;
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('nesting too deep');
  }
}

/**
 * An upper bound of the nesting at each token, from the lexer's tokens alone: flow brackets count
 * one each; block collections one per indentation column still open (two: a map and the compact
 * sequence under one of its keys may share a column) plus each `-`/`?` indicator on the line.
 */
function* guarded(text: string): Generator<string> {
  let offset = 0;
  let flow = 0;
  let atLineStart = true;
  let indent = 0;
  let indicators = 0;
  let scalarNext = false;
  const columns: number[] = [];
  const settle = (column: number) => {
    while (columns.length && columns[columns.length - 1] > column) columns.pop();
    if (!columns.length || columns[columns.length - 1] < column) columns.push(column);
    atLineStart = false;
  };
  for (const lexeme of new Lexer().lex(text)) {
    if (scalarNext) {
      scalarNext = false;
      if (atLineStart && flow === 0) settle(indent);
    } else {
      const type = CST.tokenType(lexeme);
      switch (type) {
        case 'newline':
          atLineStart = true;
          indent = 0;
          indicators = 0;
          break;
        case 'space':
          if (atLineStart && flow === 0) indent += lexeme.length;
          break;
        case 'comment':
        case 'byte-order-mark':
        case 'doc-mode':
        case 'flow-error-end':
          break;
        case 'scalar':
          scalarNext = true; // the next lexeme is the scalar's text, not a token
          break;
        case 'doc-start':
        case 'doc-end':
          columns.length = 0;
          flow = 0;
          break;
        case 'seq-item-ind':
        case 'explicit-key-ind':
          if (flow === 0) {
            if (atLineStart) settle(indent);
            indicators++;
          }
          break;
        case 'flow-seq-start':
        case 'flow-map-start':
          if (atLineStart && flow === 0) settle(indent);
          flow++;
          break;
        case 'flow-seq-end':
        case 'flow-map-end':
          flow = Math.max(0, flow - 1);
          break;
        default:
          if (atLineStart && flow === 0) settle(indent);
      }
      if (2 * columns.length + indicators + flow > NESTING_LIMIT) throw new TooDeep(offset);
    }
    // The parser's marker tokens (scalar, doc-mode, flow-error-end) stand for no text.
    const marker = lexeme.length === 1 ? lexeme.charCodeAt(0) : 0;
    if (marker !== 0x02 && marker !== 0x18 && marker !== 0x1f) offset += lexeme.length;
    yield lexeme;
  }
}

/** All documents of a text, or where its nesting passed the limit; never throws on any text. */
export function parseYamlStream(text: string): YamlStream {
  const parser = new Parser();
  // uniqueKeys: false — duplicate keys are reported by our own rules (duplicate-item), without yaml's quadratic check.
  // strict (the library's default): what the YAML spec forbids is a finding even where the library
  // could read past it (a comment not set off by a space, a multi-line implicit key…), as other YAML
  // tools reject it too; and a fix whose result only a lenient parse accepts is never offered.
  const composer = new Composer({ uniqueKeys: false, strict: true, prettyErrors: false });
  function* tokens() {
    for (const lexeme of guarded(text)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  try {
    return { documents: Array.from(composer.compose(tokens())), tooDeepAt: null };
  } catch (error) {
    if (error instanceof TooDeep) return { documents: [], tooDeepAt: error.offset };
    // A stack overflow the estimate did not foresee still ends as a finding, never a crash.
    if (error instanceof RangeError) return { documents: [], tooDeepAt: 0 };
    throw error;
  }
}

/**
 * The comments of a text as YAML reads them (trimmed). YAML ends a comment at `\n` or `\r\n` only,
 * where the editor also ends a line at a lone `\r`: a fix's safety check compares these, so an edit
 * that splits what YAML reads as one comment is caught even when every editor line keeps its `#`.
 */
export function yamlComments(text: string): string[] {
  const out: string[] = [];
  for (const lexeme of new Lexer().lex(text)) if (lexeme.startsWith('#')) out.push(lexeme.trim());
  return out;
}
