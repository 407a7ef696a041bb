/** Runs every rule over one record and turns findings into diagnostics (severity, language, suppression). */
import type { GuidelineCatalog } from './catalog';
import { readRecord, type GovernanceRecord } from './record';
import type { Finding, RuleContext, RuleModule } from './rules/context';
import { tooLargeDiagnostic } from './rules/fileSize';
import { DEFAULT_SEVERITY, RULE_MODULES, SCHEMA_CODES, message, type RuleCode } from './rules/registry';
import { readSuppressions } from './suppressions';
import type { CheckInput, CheckSettings, EngineDiagnostic, FileSystemView } from './types';

export { tooLargeDiagnostic };

export interface CheckEnvironment {
  catalog: GuidelineCatalog;
  fs: FileSystemView;
  today: string;
  settings: CheckSettings;
}

export function checkRecord(record: GovernanceRecord, input: CheckInput, env: CheckEnvironment): EngineDiagnostic[] {
  const { settings } = env;
  const lines = record.parsed.lines;
  const findings: Array<Finding<RuleCode>> = [];
  const context: RuleContext<RuleCode> = { record, catalog: env.catalog, settings, input, fs: env.fs, today: env.today, report: (f) => findings.push(f) };
  for (const rule of RULE_MODULES as readonly RuleModule[]) rule.check(context as RuleContext);
  const suppressions = readSuppressions(record.parsed);
  const diagnostics: EngineDiagnostic[] = [];
  for (const finding of findings) {
    const severity = settings.severity[finding.code] ?? DEFAULT_SEVERITY[finding.code];
    if (severity === 'off') continue;
    if (settings.deferSchemaDiagnostics && SCHEMA_CODES.has(finding.code)) continue;
    const range = lines.range(finding.start, finding.end);
    if (suppressions.isSuppressed(finding.code, range.start.line)) continue;
    diagnostics.push({ code: finding.code, severity, range, message: message(finding.code, settings.language, finding.params), data: finding.data });
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
