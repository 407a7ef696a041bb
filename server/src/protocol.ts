/**
 * What the client and the server say to each other beyond LSP, and the settings they share.
 * The one server file the client imports.
 */
import type { RecordCoverage } from './engine/coverage';
import type { Role } from './engine/catalogTypes';

/** `aiGovernance.*` settings as VS Code stores them (package.json contributes.configuration). */
export interface RawSettings {
  messageLanguage?: 'auto' | 'ja' | 'en';
  severity?: Record<string, string>;
  reviewMaxAgeDays?: number;
  files?: string[];
  maxFileSizeKB?: number;
  schemaDiagnostics?: 'auto' | 'always' | 'never';
  /** read evidence files' last commit dates from .git, in-process (default true) */
  gitEvidenceDates?: boolean;
  /** aiGovernance.debug.* */
  debug?: { verifyIncremental?: boolean };
}

export const SETTINGS_SECTION = 'aiGovernance';

/** Sent by the client in `initialize`: facts only the editor knows. */
export interface InitializationOptions {
  /** VS Code's display language (`vscode.env.language`), for messageLanguage "auto" */
  displayLanguage?: string;
  /** true when Red Hat YAML is installed and validates our schema (then we defer pure schema errors) */
  redHatYamlActive?: boolean;
  /**
   * true when the client gives each diagnostic its rule's link itself (`ruleLink` in client/src/client.ts):
   * the server then leaves `codeDescription` off the wire, a quarter of every publication's bytes.
   */
  ruleLinksOnClient?: boolean;
}

/** Client → server: the guideline text of an item (aliases accepted), as Markdown; null when unknown. */
export namespace ItemTextRequest {
  export const method = 'aiGovernance/itemText';
  export interface Params {
    id: string;
    /** the edition whose wording to show ("1.0", "1.1", "2026"); default: the latest */
    edition?: string;
  }
  export type Result = { markdown: string } | null;
}

/**
 * Client → server: the coverage model of a record as the editor holds it now (unsaved edits
 * included), for the status bar and the overview; null when not a governance file or not parsed.
 */
export namespace CoverageRequest {
  export const method = 'aiGovernance/coverage';
  export interface Params {
    uri: string;
  }
  export type Result = RecordCoverage | null;
}

/**
 * Client → server: the coverage of every governance file of the workspace, opened or not (open ones
 * as the editor holds them now), for the overview tree and the dashboard. `uris` limits the answer to
 * those records (the client's update after their diagnostics changed); a uri the server does not know
 * as a record is left out, so the client drops it.
 */
export namespace WorkspaceCoverageRequest {
  export const method = 'aiGovernance/workspaceCoverage';
  export interface Params {
    uris?: string[];
  }
  /**
   * `complete`: parsed without syntax errors; `incomplete`: syntax errors, what could be read is shown;
   * `not-parsed`: never parsed (over the size limit, binary…), `reason` says why.
   */
  export type RecordState = 'complete' | 'incomplete' | 'not-parsed';
  export type Record = RecordCoverage & {
    uri: string;
    state: RecordState;
    reason?: { code: string; message: string };
  };
  export type Result = { records: Record[] };
}

/** Client → server: the text of a new record for these roles (the same starter as `ai-governance init`). */
export namespace StarterRecordRequest {
  export const method = 'aiGovernance/starterRecord';
  export interface Params {
    roles: Role[];
    advancedAI: boolean;
  }
  export type Result = { text: string };
}

/**
 * Client → server: the report of governance records (`ai-governance report`, same engine code) as
 * the content of a file the client writes where the user chose; the server itself writes nothing.
 * `uris` absent: every governance file of the workspace.
 */
export namespace ExportReportRequest {
  export const method = 'aiGovernance/exportReport';
  export interface Params {
    format: 'html' | 'md' | 'xlsx' | 'json';
    uris?: string[];
  }
  /** text for html, md and json; base64 for xlsx; null when there is no record to report on */
  export type Result = { content: string; encoding: 'utf8' | 'base64'; records: number } | null;
}

/** Client → server: scan the workspace again and re-check every governance file. */
export namespace RecheckWorkspaceRequest {
  export const method = 'aiGovernance/recheckWorkspace';
  export type Result = { files: number };
}

/** Server → client, after each workspace scan: how many governance files were checked. */
export namespace WorkspaceCheckedNotification {
  export const method = 'aiGovernance/workspaceChecked';
  export interface Params {
    files: number;
    problems: number;
  }
}

/** Base of every diagnostic's `codeDescription.href`: the README section of the rule. */
export const RULE_DOCS_BASE = 'https://github.com/ai-governance/ai-governance-vscode/blob/main/README.md#';
