/** Runs every rule over one record and turns findings into diagnostics (severity, language, suppression). */
import type { GuidelineCatalog } from './catalog';
import { message } from './messages';
import { readRecord, type GovernanceRecord } from './record';
import type { Finding, Rule, RuleContext } from './rules/context';
import { evidenceRule } from './rules/evidence';
import { itemFieldsRule } from './rules/itemFields';
import { itemIdsRule } from './rules/itemIds';
import { itemScopeRule } from './rules/itemScope';
import { requiredItemsRule } from './rules/requiredItems';
import { reviewDatesRule } from './rules/reviewDates';
import { schemaRule } from './rules/schema';
import { syntaxRule } from './rules/syntax';
import { systemsRule } from './rules/systems';
import { readSuppressions } from './suppressions';
import { DEFAULT_SEVERITY, SCHEMA_CODES, type CheckInput, type CheckSettings, type EngineDiagnostic, type FileSystemView } from './types';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [syntaxRule, schemaRule, itemIdsRule, itemScopeRule, requiredItemsRule, itemFieldsRule, evidenceRule, reviewDatesRule, systemsRule];

export interface CheckEnvironment {
  catalog: GuidelineCatalog;
  fs: FileSystemView;
  today: string;
  settings: CheckSettings;
}

export function checkRecord(record: GovernanceRecord, input: CheckInput, env: CheckEnvironment): EngineDiagnostic[] {
  const { settings } = env;
  const lines = record.parsed.lines;
  const findings: Finding[] = [];
  const context: RuleContext = { record, catalog: env.catalog, settings, input, fs: env.fs, today: env.today, report: (f) => findings.push(f) };
  for (const rule of RULES) rule(context);
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
