/** The client's own requests about guideline items and records (protocol.ts). */
import { URI } from 'vscode-uri';
import { parsedOf } from '../documentStore';
import { ItemTextRequest, CoverageRequest } from '../protocol';
import type { ServerState } from '../state';
import { runSafeAsync } from './runSafe';

export function registerItemText({ connection, engine, settings, folders }: ServerState): void {
  connection.onRequest(ItemTextRequest.method, (params: ItemTextRequest.Params, token) =>
    runSafeAsync<ItemTextRequest.Result>(connection, ItemTextRequest.method, null, token, async () => {
      // messageLanguage is a window setting: any resource answers it.
      const { check } = await settings.for(folders.paths.length ? folderUri(folders.paths[0]) : '');
      const markdown = engine.itemText(String(params?.id ?? ''), check.language);
      return markdown ? { markdown } : null;
    }),
  );
}

/** Required-item coverage of a record, from the parse its diagnostics came from. */
export function registerStatusCoverage({ connection, engine, checks }: ServerState): void {
  connection.onRequest(CoverageRequest.method, (params: CoverageRequest.Params, token) =>
    runSafeAsync<CoverageRequest.Result>(connection, CoverageRequest.method, null, token, async () => {
      const document = params?.uri ? parsedOf(await checks.read(params.uri)) : undefined;
      const result = document ? engine.coverage(document) : null;
      return result ? { required: result.required, covered: result.covered, missing: result.missing } : null;
    }),
  );
}

function folderUri(path: string): string {
  return URI.file(path).toString();
}
