/**
 * The registry: every rule module, in the order their findings are listed, and everything derived
 * from them — the code list, default severities, the schema codes, messages and documentation.
 * Adding a rule is one module plus one line here; `npm run generate` writes the manifest and README.
 */
import type { MessageLanguage, Severity } from '../types';
import { clipParam, PARAM_LIMIT, type CodeDocs, type CodeMeta, type MessageParams, type RuleModule } from './context';
import { editionsRule } from './editions';
import { evidenceRule } from './evidence';
import { evidenceHistoryRule } from './evidenceHistory';
import { fileSizeRule } from './fileSize';
import { itemFieldsRule } from './itemFields';
import { itemIdsRule } from './itemIds';
import { itemScopeRule } from './itemScope';
import { requiredItemsRule } from './requiredItems';
import { reviewDatesRule } from './reviewDates';
import { schemaRule } from './schema';
import { syntaxRule } from './syntax';
import { systemsRule } from './systems';
import { waiversRule } from './waivers';

export const RULE_MODULES = [syntaxRule, fileSizeRule, schemaRule, itemIdsRule, itemScopeRule, requiredItemsRule, itemFieldsRule, waiversRule, evidenceRule, evidenceHistoryRule, reviewDatesRule, editionsRule, systemsRule] as const;

type CodesOf<M> = M extends RuleModule<infer C> ? C : never;

/** Every diagnostic code the engine emits. Stable: users suppress and configure by these names. */
export type RuleCode = CodesOf<(typeof RULE_MODULES)[number]>;

function buildIndex(): Map<RuleCode, CodeMeta> {
  const index = new Map<RuleCode, CodeMeta>();
  for (const module of RULE_MODULES as readonly RuleModule[]) {
    for (const [code, meta] of Object.entries(module.codes)) {
      if (index.has(code as RuleCode)) throw new Error(`rule code ${code} is defined twice (again in the ${module.name} rule)`);
      index.set(code as RuleCode, meta);
    }
  }
  return index;
}

const INDEX = buildIndex();

export const RULE_CODES: readonly RuleCode[] = [...INDEX.keys()];

export function codeMeta(code: RuleCode): CodeMeta {
  const meta = INDEX.get(code);
  if (!meta) throw new Error(`unknown rule code ${code}`);
  return meta;
}

export const DEFAULT_SEVERITY: Readonly<Record<RuleCode, Severity>> = Object.fromEntries(RULE_CODES.map((code) => [code, codeMeta(code).severity])) as Record<RuleCode, Severity>;

/** Codes that only repeat what a JSON Schema validator (Red Hat YAML) already reports. */
export const SCHEMA_CODES: ReadonlySet<RuleCode> = new Set(RULE_CODES.filter((code) => codeMeta(code).schema));

/** A finding's message; a parameter longer than PARAM_LIMIT (what the user wrote, unbounded) is cut. */
export function message(code: RuleCode, language: MessageLanguage, params: MessageParams = {}): string {
  let clipped: MessageParams | undefined;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= PARAM_LIMIT) continue;
    clipped ??= { ...params };
    clipped[name] = clipParam(value);
  }
  return codeMeta(code).message[language](clipped ?? params);
}

export const RULE_DOCS: Readonly<Record<RuleCode, CodeDocs>> = Object.fromEntries(RULE_CODES.map((code) => [code, codeMeta(code).docs])) as Record<RuleCode, CodeDocs>;

/** A code in PascalCase, the SARIF rule `name` (missing-owner → MissingOwner). */
export function ruleName(code: RuleCode): string {
  return code
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
