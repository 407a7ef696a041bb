/** Runs every rule over one record and turns findings into diagnostics (severity, language, suppression). */
import type { GuidelineCatalog } from './catalog';
import { readRecord, type GovernanceRecord } from './record';
import type { LineIndex } from './positions';
import type { Finding, RuleContext, RuleModule } from './rules/context';
import { tooLargeDiagnostic } from './rules/fileSize';
import { DEFAULT_SEVERITY, RULE_MODULES, SCHEMA_CODES, message, type RuleCode } from './rules/registry';
import { readSuppressions, type Suppressions } from './suppressions';
import type { CheckInput, CheckSettings, EngineDiagnostic, FileSystemView } from './types';

export { tooLargeDiagnostic };

export interface CheckEnvironment {
  catalog: GuidelineCatalog;
  fs: FileSystemView;
  today: string;
  settings: CheckSettings;
}

/** Every rule module, in the order their findings are listed. */
export const RULES = RULE_MODULES as readonly RuleModule[];

/** The findings of each rule (in RULES order), before severity, language and suppression. */
export function collectFindings(record: GovernanceRecord, input: CheckInput, env: CheckEnvironment, rules: readonly RuleModule[] = RULES): Array<Array<Finding<RuleCode>>> {
  return rules.map((rule) => {
    const findings: Array<Finding<RuleCode>> = [];
    const context: RuleContext<RuleCode> = { record, catalog: env.catalog, settings: env.settings, input, fs: env.fs, today: env.today, report: (f) => findings.push(f) };
    rule.check(context as RuleContext);
    return findings;
  });
}

/** One finding as the user sees it, or null when its severity is off, it is deferred, or a comment suppresses it. */
export function diagnosticFor(finding: Finding<RuleCode>, lines: LineIndex, settings: CheckSettings, suppressions: Suppressions): EngineDiagnostic | null {
  const severity = settings.severity[finding.code] ?? DEFAULT_SEVERITY[finding.code];
  if (severity === 'off') return null;
  if (settings.deferSchemaDiagnostics && SCHEMA_CODES.has(finding.code)) return null;
  const range = lines.range(finding.start, finding.end);
  if (suppressions.isSuppressed(finding.code, range.start.line)) return null;
  return { code: finding.code, severity, range, message: message(finding.code, settings.language, finding.params), data: finding.data };
}

export function checkRecord(record: GovernanceRecord, input: CheckInput, env: CheckEnvironment): EngineDiagnostic[] {
  const lines = record.parsed.lines;
  const suppressions = readSuppressions(record.parsed);
  const diagnostics: EngineDiagnostic[] = [];
  for (const findings of collectFindings(record, input, env)) {
    for (const finding of findings) {
      const diagnostic = diagnosticFor(finding, lines, env.settings, suppressions);
      if (diagnostic) diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}

/** The whole check of one text, including the size limit that keeps a 10 MB file from being parsed. */
export function checkText(input: CheckInput, env: CheckEnvironment): { record: GovernanceRecord | null; diagnostics: EngineDiagnostic[] } {
  const size = Buffer.byteLength(input.text, 'utf8');
  if (size > env.settings.maxFileSizeBytes) return { record: null, diagnostics: [tooLargeDiagnostic(size, env.settings)] };
  const record = readRecord(input.text, env.catalog);
  return { record, diagnostics: checkRecord(record, input, env) };
}
