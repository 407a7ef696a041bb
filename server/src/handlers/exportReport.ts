/**
 * The report export of the editor: the same report code as `ai-governance report`, over the
 * records as the editor holds them (unsaved edits included). Returns the file's content; writing
 * it is the client's job, where the user chose.
 */
import { relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { version } from '../../../package.json';
import { reportDocument, type CheckedDocument, type Engine, type MessageLanguage, type RecordReport } from '../engine';
import { checkedOf } from '../documentStore';
import { ExportReportRequest } from '../protocol';
import { CommitReader } from '../report/commits';
import { sha256 } from '../report/facts';
import { isReportFormat, renderReport } from '../report/render';
import type { ServerState } from '../state';
import { runSafeAsync } from './runSafe';

export interface ExportDependencies {
  engine: Engine;
  /** the check of a record as the editor holds it now */
  checkedFor(uri: string): Promise<CheckedDocument | undefined>;
  /** every governance file the server knows, open or on disk */
  governanceUris(): string[];
  folders(): readonly string[];
  language: MessageLanguage;
  isCancelled(): boolean;
}

export async function exportReport(params: ExportReportRequest.Params, deps: ExportDependencies): Promise<ExportReportRequest.Result> {
  const format = String(params?.format ?? '');
  if (!isReportFormat(format)) return null;
  const uris = Array.isArray(params.uris) && params.uris.length ? params.uris.map(String) : [...new Set(deps.governanceUris())].sort();
  const commits = new CommitReader();
  const records: RecordReport[] = [];
  for (const uri of uris) {
    if (deps.isCancelled()) return null;
    const doc = await deps.checkedFor(uri);
    if (!doc) continue;
    const path = URI.parse(uri).fsPath;
    const folder = deps.folders().find((f) => path.startsWith(f.endsWith(sep) ? f : f + sep));
    const shown = (folder ? relative(folder, path) : path).split(sep).join('/');
    // A record too large to parse was never read: no hash of text we do not have.
    const hash = doc.state === 'parsed' ? sha256(doc.input.text) : '';
    records.push(deps.engine.report(doc, { path: shown, sha256: hash, commit: await commits.commitOf(path) }));
  }
  if (records.length === 0) return null;
  const document = reportDocument(records, version, new Date().toISOString(), deps.engine.catalog);
  const body = await renderReport(format, document, deps.language);
  return typeof body === 'string' ? { content: body, encoding: 'utf8', records: records.length } : { content: Buffer.from(body).toString('base64'), encoding: 'base64', records: records.length };
}

export function registerExportReport({ connection, engine, checks, store, folders, settings }: ServerState): void {
  connection.onRequest(ExportReportRequest.method, (params: ExportReportRequest.Params, token) =>
    runSafeAsync<ExportReportRequest.Result>(connection, ExportReportRequest.method, null, token, async () => {
      // messageLanguage is a window setting: any resource answers it.
      const { check } = await settings.for(folders.paths.length ? URI.file(folders.paths[0]).toString() : '');
      return exportReport(params, {
        engine,
        checkedFor: async (uri) => checkedOf(await checks.read(uri)),
        governanceUris: () => store.uris(),
        folders: () => folders.paths,
        language: check.language,
        isCancelled: () => token.isCancellationRequested,
      });
    }),
  );
}
