/**
 * What the client and the server say to each other beyond LSP, and the settings they share.
 * The one server file the client imports.
 */
import type { RecordCoverage } from './engine/coverage';

/** `aiGovernance.*` settings as VS Code stores them (package.json contributes.configuration). */
export interface RawSettings {
  messageLanguage?: 'auto' | 'ja' | 'en';
  severity?: Record<string, string>;
  reviewMaxAgeDays?: number;
  files?: string[];
  maxFileSizeKB?: number;
  schemaDiagnostics?: 'auto' | 'always' | 'never';
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
}

/** Client → server: the guideline text of an item (aliases accepted), as Markdown; null when unknown. */
export namespace ItemTextRequest {
  export const method = 'aiGovernance/itemText';
  export interface Params {
    id: string;
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
