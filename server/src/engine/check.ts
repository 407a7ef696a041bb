/** Runs every rule over one record and turns findings into diagnostics (severity, language, suppression). */
import type { GuidelineCatalog } from './catalog';
import { message } from './messages';
import { readRecord, type GovernanceRecord } from './record';
import type { Finding, Rule } from './rules/context';
import { evidenceRule } from './rules/evidence';
import { itemFieldsRule } from './rules/itemFields';
import { itemIdsRule } from './rules/itemIds';
import { itemScopeRule } from './rules/itemScope';
import { requiredItemsRule } from './rules/requiredItems';
import { reviewDatesRule } from './rules/reviewDates';
import { schemaRule } from './rules/schema';
import { syntaxRule } from './rules/syntax';
import { systemsRule } from './rules/systems';
import type { LineIndex } from './positions';
import { readSuppressions, type Suppressions } from './suppressions';
import { DEFAULT_SEVERITY, SCHEMA_CODES, type CheckInput, type CheckSettings, type EngineDiagnostic, type FileSystemView } from './types';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [syntaxRule, schemaRule, itemIdsRule, itemScopeRule, requiredItemsRule, itemFieldsRule, evidenceRule, reviewDatesRule, systemsRule];

export interface CheckEnvironment {
  catalog: GuidelineCatalog;
  fs: FileSystemView;
  today: string;
  settings: CheckSettings;
}

/** The findings of each rule (in RULES order), before severity, language and suppression. */
export function collectFindings(record: GovernanceRecord, input: CheckInput, env: CheckEnvironment, rules: readonly Rule[] = RULES): Finding[][] {
  return rules.map((rule) => {
    const findings: Finding[] = [];
    rule({ record, catalog: env.catalog, settings: env.settings, input, fs: env.fs, today: env.today, report: (f) => findings.push(f) });
    return findings;
  });
}

/** One finding as the user sees it, or null when its severity is off, it is deferred, or a comment suppresses it. */
export function diagnosticFor(finding: Finding, lines: LineIndex, settings: CheckSettings, suppressions: Suppressions): EngineDiagnostic | null {
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

/** The finding for a file over the size limit: it is reported, never parsed. */
export function tooLargeDiagnostic(size: number, settings: CheckSettings): EngineDiagnostic {
  const configured = settings.severity['file-too-large'];
  return {
    code: 'file-too-large',
    severity: configured && configured !== 'off' ? configured : 'error',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: message('file-too-large', settings.language, { size, limit: settings.maxFileSizeBytes }),
    data: {},
  };
}

/** The whole check of one text, including the size limit that keeps a 10 MB file from being parsed. */
export function checkText(input: CheckInput, env: CheckEnvironment): { record: GovernanceRecord | null; diagnostics: EngineDiagnostic[] } {
  const size = Buffer.byteLength(input.text, 'utf8');
  if (size > env.settings.maxFileSizeBytes) return { record: null, diagnostics: [tooLargeDiagnostic(size, env.settings)] };
  const record = readRecord(input.text, env.catalog);
  return { record, diagnostics: checkRecord(record, input, env) };
}
