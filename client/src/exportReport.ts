/**
 * "AI Governance: Export Report…": pick a format, pick where to save, and write what the server's
 * report (the same code as `ai-governance report`) returns. The file is written here, through
 * vscode.workspace.fs, only where the user chose.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportReportRequest } from '../../server/src/protocol';
import { isGovernanceDocument } from './config';
import { t, tn } from './i18n';

type Format = ExportReportRequest.Params['format'];

/** What tests (and the dashboard) may pass instead of asking: the format, the records, the file. */
export interface ExportOptions {
  format?: Format;
  uris?: string[];
  target?: string;
}

const EXTENSIONS: Record<Format, string> = { html: 'html', md: 'md', xlsx: 'xlsx', json: 'json' };

function formats(): Array<vscode.QuickPickItem & { format: Format }> {
  return [
    { format: 'html', label: t('HTML report (printable)'), description: '.html' },
    { format: 'xlsx', label: t('Excel checklist'), description: '.xlsx' },
    { format: 'md', label: t('Markdown'), description: '.md' },
    { format: 'json', label: t('JSON'), description: '.json' },
  ];
}

function parseOptions(arg: unknown): ExportOptions {
  if (!arg || typeof arg !== 'object') return {};
  const o = arg as Record<string, unknown>;
  return {
    format: typeof o.format === 'string' && o.format in EXTENSIONS ? (o.format as Format) : undefined,
    uris: Array.isArray(o.uris) ? o.uris.filter((u): u is string => typeof u === 'string') : undefined,
    target: typeof o.target === 'string' ? o.target : undefined,
  };
}

/** Returns the file written, or undefined when the user cancelled or there was nothing to report. */
export async function exportReportCommand(client: LanguageClient, arg: unknown): Promise<string | undefined> {
  const options = parseOptions(arg);
  const format = options.format ?? (await vscode.window.showQuickPick(formats(), { title: t('Export AI governance report'), placeHolder: t('Format of the report') }))?.format;
  if (!format) return undefined;
  // The record in the editor, if one is open there; otherwise every record of the workspace.
  const active = vscode.window.activeTextEditor?.document;
  const uris = options.uris ?? (active && isGovernanceDocument(active) ? [active.uri.toString()] : undefined);
  let target = options.target ? vscode.Uri.parse(options.target) : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: t('Save AI governance report'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, `ai-governance-report.${EXTENSIONS[format]}`) : undefined,
      filters: { [format.toUpperCase()]: [EXTENSIONS[format]] },
    });
  }
  if (!target) return undefined;
  const result = await client.sendRequest<ExportReportRequest.Result>(ExportReportRequest.method, { format, uris } satisfies ExportReportRequest.Params);
  if (!result) {
    void vscode.window.showWarningMessage(t('There is no governance record to report on.'));
    return undefined;
  }
  const bytes = result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : Buffer.from(result.content, 'utf8');
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.setStatusBarMessage(tn(result.records, 'AI Governance: report of {0} record written to {1}', 'AI Governance: report of {0} records written to {1}', vscode.workspace.asRelativePath(target)), 5000);
  return target.toString();
}
