/**
 * GitLab Code Quality (a subset of the Code Climate issue format), for the merge-request widget:
 * a JSON array with one issue per finding. `fingerprint` is shared with SARIF's, so it does not
 * move when lines are added above a finding and GitLab can tell new findings from old ones.
 */
import { createHash } from 'node:crypto';
import type { RuleCode, Severity } from '../../engine';
import { fileSizeRule } from '../../engine/rules/fileSize';
import { syntaxRule } from '../../engine/rules/syntax';
import { RULE_DOCS, ruleHelpUri } from '../rules';
import type { Report } from '../report';
import { Fingerprints } from './fingerprint';
import { jsonChunks, JsonSequence } from '../../jsonChunks';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  type: 'issue';
  check_name: RuleCode;
  description: string;
  content: { body: string };
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * The codes of the rules that decide whether the file can be read as a record at all (syntax,
 * size): an error from them means the rest of the file was not checked, which is worse than any
 * single finding. Taken from the rule modules, so a new code of theirs is included.
 */
const UNREADABLE_FILE: ReadonlySet<string> = new Set([syntaxRule, fileSizeRule].flatMap((rule) => Object.keys(rule.codes)));

export function codeQualitySeverity(code: RuleCode, severity: Severity): CodeQualitySeverity {
  return severity === 'error' && UNREADABLE_FILE.has(code) ? 'critical' : SEVERITY[severity];
}

function* codeQualityIssues(report: Report): Generator<CodeQualityIssue> {
  for (const file of report.files) {
    const fingerprints = new Fingerprints(file.path);
    for (const d of file.diagnostics) {
      const doc = RULE_DOCS[d.code];
      yield {
        type: 'issue',
        check_name: d.code,
        description: d.message,
        content: { body: `${doc ? `${doc.description[report.language]}\n\n${doc.fix[report.language]}\n\n` : ''}${ruleHelpUri(d.code)}` },
        // GitLab's examples are MD5 digests: the shared fingerprint, hashed into that shape.
        fingerprint: createHash('md5').update(fingerprints.next(d)).digest('hex'),
        severity: codeQualitySeverity(d.code, d.severity),
        location: { path: file.path, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
      };
    }
  }
}

export function toCodeQuality(report: Report): CodeQualityIssue[] {
  return [...codeQualityIssues(report)];
}

/** The same text as JSON.stringify(toCodeQuality(report), null, 2), an issue at a time. */
export function* formatGitlab(report: Report): Generator<string> {
  yield* jsonChunks(new JsonSequence(() => codeQualityIssues(report)));
  yield '\n';
}
