import type { GuidelineCatalog } from '../catalog';
import type { GovernanceRecord } from '../record';
import type { CheckInput, CheckSettings, DiagnosticData, FileSystemView, RuleCode } from '../types';

/** A finding before severity, language and suppression are applied. */
export interface Finding {
  code: RuleCode;
  start: number;
  end: number;
  params: Record<string, string | number>;
  data: DiagnosticData;
}

export interface RuleContext {
  record: GovernanceRecord;
  catalog: GuidelineCatalog;
  settings: CheckSettings;
  input: CheckInput;
  fs: FileSystemView;
  /** today's date as YYYY-MM-DD in the user's time zone (injected: tests need no real clock) */
  today: string;
  report(finding: Finding): void;
}

export type Rule = (context: RuleContext) => void;
