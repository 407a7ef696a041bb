/**
 * Rule metadata for SARIF (GitHub code scanning shows it beside every alert), GitHub annotations and
 * JSON output, derived from the rule modules through the registry; nothing here is written by hand.
 */
import type { MessageLanguage, RuleCode, Severity } from '../engine';
import { DEFAULT_SEVERITY, RULE_CODES, RULE_DOCS, ruleName } from '../engine/rules/registry';
import { RULE_DOCS_BASE } from '../protocol';

export { RULE_DOCS, ruleName };

export function ruleHelpUri(code: RuleCode): string {
  return RULE_DOCS_BASE + code;
}

export interface RuleSummary {
  code: RuleCode;
  name: string;
  title: string;
  description: string;
  fix: string;
  defaultSeverity: Severity;
  helpUri: string;
}

export function ruleSummaries(language: MessageLanguage): RuleSummary[] {
  return RULE_CODES.map((code) => {
    const doc = RULE_DOCS[code];
    return {
      code,
      name: ruleName(code),
      title: doc.title[language],
      description: doc.description[language],
      fix: doc.fix[language],
      defaultSeverity: DEFAULT_SEVERITY[code],
      helpUri: ruleHelpUri(code),
    };
  });
}
