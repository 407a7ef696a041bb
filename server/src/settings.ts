/** Normalises raw settings (any shape a client sends) into the engine's CheckSettings. */
import { DEFAULT_SETTINGS, RULE_CODES, type CheckSettings, type RuleCode, type Severity } from './engine';
import type { InitializationOptions, RawSettings } from './protocol';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export interface ServerSettings {
  check: CheckSettings;
  /** extra glob patterns (beyond DESIGN §2's names) that mark governance files */
  extraFiles: string[];
  /** read evidence files' last commit dates from .git (evidence-changed-after-review) */
  gitEvidenceDates: boolean;
  /** run a full check beside every incremental one and log any difference */
  verifyIncremental: boolean;
}

export function languageFrom(setting: unknown, displayLanguage: string | undefined): 'ja' | 'en' {
  if (setting === 'ja' || setting === 'en') return setting;
  return !displayLanguage || displayLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function normaliseSettings(raw: RawSettings | null | undefined, init: InitializationOptions): ServerSettings {
  const r: RawSettings = raw && typeof raw === 'object' ? raw : {};
  const severity: Partial<Record<RuleCode, Severity | 'off'>> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, value] of Object.entries(r.severity)) {
      if ((RULE_CODES as readonly string[]).includes(code) && SEVERITIES.has(String(value))) severity[code as RuleCode] = value as Severity | 'off';
    }
  }
  const days = Number(r.reviewMaxAgeDays);
  const sizeKB = Number(r.maxFileSizeKB);
  const schema = r.schemaDiagnostics ?? 'auto';
  return {
    check: {
      language: languageFrom(r.messageLanguage, init.displayLanguage),
      severity,
      reviewMaxAgeDays: Number.isFinite(days) && days > 0 ? days : DEFAULT_SETTINGS.reviewMaxAgeDays,
      maxFileSizeBytes: Number.isFinite(sizeKB) && sizeKB > 0 ? sizeKB * 1024 : DEFAULT_SETTINGS.maxFileSizeBytes,
      deferSchemaDiagnostics: schema === 'never' || (schema === 'auto' && Boolean(init.redHatYamlActive)),
    },
    extraFiles: Array.isArray(r.files) ? r.files.filter((f): f is string => typeof f === 'string' && f.length > 0) : [],
    gitEvidenceDates: r.gitEvidenceDates !== false,
    verifyIncremental: r.debug?.verifyIncremental === true,
  };
}
