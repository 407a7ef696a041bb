/**
 * `# ai-governance-disable-next-line <code>[, <code>…]` and `# ai-governance-disable <code>…`
 * (whole file), as ESLint users expect; without codes they suppress everything.
 */
import type { ParsedDocument } from './parse';
import type { RuleCode } from './types';

export interface Suppressions {
  isSuppressed(code: RuleCode, line: number): boolean;
}

const DIRECTIVE = /#\s*ai-governance-(disable-next-line|disable)\b([^\r\n]*)/;

export function readSuppressions(parsed: ParsedDocument): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  for (const comment of parsed.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const codes = m[2].split(/[\s,]+/).filter((c) => c && c !== '--');
    const set = new Set(codes.length ? codes : ['*']);
    if (m[1] === 'disable') set.forEach((c) => file.add(c));
    else byLine.set(comment.line + 1, new Set([...(byLine.get(comment.line + 1) ?? []), ...set]));
  }
  return {
    isSuppressed(code, line) {
      if (file.has('*') || file.has(code)) return true;
      const codes = byLine.get(line);
      return Boolean(codes && (codes.has('*') || codes.has(code)));
    },
  };
}
