/** The client's own requests about guideline items and records (protocol.ts). */
import { URI } from 'vscode-uri';
import { checkedOf } from '../documentStore';
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

/** The coverage model of a record as the editor holds it, from the parse and the diagnostics of its one check. */
export function registerStatusCoverage({ connection, engine, checks }: ServerState): void {
  connection.onRequest(CoverageRequest.method, (params: CoverageRequest.Params, token) =>
    runSafeAsync<CoverageRequest.Result>(connection, CoverageRequest.method, null, token, async () => {
      const document = params?.uri ? checkedOf(await checks.read(params.uri)) : undefined;
      return document ? engine.coverage(document) : null;
    }),
  );
}

function folderUri(path: string): string {
  return URI.file(path).toString();
}
