/** The governance-file patterns and the settings the client itself reads. */
import * as vscode from 'vscode';
import { GOVERNANCE_FILE_PATTERNS, SKIPPED_FOLDERS } from '../../server/src/engine/vocabulary';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export const GOVERNANCE_GLOBS = GOVERNANCE_FILE_PATTERNS.map((name) => `**/${name}`);
/** The folders the server's scan skips, as a findFiles exclude. */
export const SKIPPED_GLOB = `{${SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`).join(',')}}`;

export function extraGlobs(): string[] {
  const files = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('files');
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && f.length > 0) : [];
}

export function documentSelector(): Array<{ scheme: string; pattern: string }> {
  return [...GOVERNANCE_GLOBS, ...extraGlobs().map((g) => (g.startsWith('**/') ? g : `**/${g}`))].map((pattern) => ({ scheme: 'file', pattern }));
}

export function isGovernanceDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(documentSelector(), document) > 0;
}
