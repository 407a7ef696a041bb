/** The governance-file patterns and the settings the client itself reads. */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';

export const GOVERNANCE_GLOBS = ['**/ai-governance.yaml', '**/ai-governance.yml', '**/*.ai-governance.yaml'];

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
