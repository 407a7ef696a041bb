/** Runs the documented example (or its fixed form) of a rule code through the real engine. */
import { createEngine, type EngineDiagnostic, type MessageLanguage, type RuleCode } from '../../server/src/engine';
import { RULE_DOCS } from '../../server/src/engine/rules/registry';
import { RECORD, WORKSPACE } from './engine';

/** The day the examples are checked on (the review-date examples depend on it). */
export const EXAMPLE_TODAY = '2026-11-22';

export function checkExample(code: RuleCode, which: 'yaml' | 'fixed', language: MessageLanguage): EngineDiagnostic[] {
  const example = RULE_DOCS[code].example;
  const existing = new Set((example.files ?? []).map((f) => `${WORKSPACE}/${f}`));
  const engine = createEngine({ fs: { exists: (p) => existing.has(p) }, today: () => EXAMPLE_TODAY });
  return engine.check({ path: RECORD, text: example[which], workspaceRoot: WORKSPACE }, { ...example.settings, language }).diagnostics;
}
